SELECT store_id, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date BETWEEN '2023-01-01' AND '2025-12-31'
GROUP BY store_id
LIMIT 1000
