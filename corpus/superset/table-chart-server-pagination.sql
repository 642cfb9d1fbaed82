SELECT customer_id AS customer_id,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-12-01' AS DATE)
GROUP BY customer_id
ORDER BY `SUM(amount)` DESC
LIMIT 20
OFFSET 40
