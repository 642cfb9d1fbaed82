SELECT region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM sales.transactions
WHERE transaction_date >= CAST('2026-08-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY region
ORDER BY `SUM(amount)` DESC
LIMIT 10000
