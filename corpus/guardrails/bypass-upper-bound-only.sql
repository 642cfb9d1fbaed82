SELECT store_id, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY store_id
LIMIT 10000
