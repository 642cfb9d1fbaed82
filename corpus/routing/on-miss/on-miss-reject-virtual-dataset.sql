SELECT region, sum(amount) AS revenue
FROM (SELECT region, amount, transaction_date
      FROM main.sales.transactions
      WHERE status = 'paid') AS virtual_table
GROUP BY region
LIMIT 1000
