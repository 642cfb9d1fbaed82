SELECT -- first comment
  region, -- after a column
  sum(amount) -- before alias
    AS total
FROM -- between FROM and table
  main.sales.transactions
-- before WHERE
WHERE amount > 0 -- trailing
GROUP BY region
