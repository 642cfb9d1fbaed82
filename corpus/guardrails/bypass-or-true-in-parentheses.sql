SELECT customer_id, amount
FROM sales.transactions
WHERE (transaction_date >= DATE '2026-11-01' OR true)
LIMIT 500
