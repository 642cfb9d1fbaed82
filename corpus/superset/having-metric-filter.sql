SELECT customer_id AS customer_id,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
  AND transaction_date < CAST('2027-01-01' AS DATE)
GROUP BY customer_id
HAVING sum(`amount`) > 5000
ORDER BY `SUM(amount)` DESC
LIMIT 10000
