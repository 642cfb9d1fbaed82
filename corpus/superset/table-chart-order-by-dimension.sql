SELECT region AS region,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-02-01' AS DATE)
  AND transaction_date < CAST('2026-03-01' AS DATE)
GROUP BY region
ORDER BY region ASC
LIMIT 10000
