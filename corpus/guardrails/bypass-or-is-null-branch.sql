SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-01' OR transaction_date IS NULL
LIMIT 1000
