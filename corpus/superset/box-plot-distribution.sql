SELECT region AS region,
       customer_id AS customer_id,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-07-01' AS DATE)
  AND transaction_date < CAST('2026-10-01' AS DATE)
GROUP BY region,
         customer_id
LIMIT 10000
