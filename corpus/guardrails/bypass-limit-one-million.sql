SELECT order_id, customer_id, amount
FROM sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
LIMIT 1000000
