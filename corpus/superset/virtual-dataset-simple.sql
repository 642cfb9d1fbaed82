SELECT region AS region,
       sum(net_amount) AS `SUM(net_amount)`
FROM
  (SELECT region, transaction_date, amount - coalesce(discount, 0) AS net_amount
FROM main.sales.transactions
WHERE amount > 0
) AS virtual_table
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY region
ORDER BY `SUM(net_amount)` DESC
LIMIT 10000
