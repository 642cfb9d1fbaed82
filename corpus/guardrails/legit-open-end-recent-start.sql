SELECT customer_id, count(*) AS orders
FROM sales.transactions
WHERE transaction_date >= CAST('2026-06-01' AS DATE)
GROUP BY customer_id
ORDER BY orders DESC
LIMIT 10000
