SELECT region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
  AND (amount > 100 AND quantity BETWEEN 1 AND 10)
GROUP BY region
ORDER BY `SUM(amount)` DESC
LIMIT 10000
