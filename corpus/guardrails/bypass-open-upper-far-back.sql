SELECT customer_id, sum(amount) AS lifetime_value
FROM sales.transactions
WHERE transaction_date >= DATE '2024-06-01'
GROUP BY customer_id
LIMIT 10000
