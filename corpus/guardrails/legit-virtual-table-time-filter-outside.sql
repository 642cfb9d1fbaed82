SELECT region AS region,
       sum(net_amount) AS `SUM(net_amount)`
FROM (SELECT *, amount - discount AS net_amount
      FROM sales.transactions
      WHERE status = 'paid') AS virtual_table
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY region
ORDER BY `SUM(net_amount)` DESC
LIMIT 10000
