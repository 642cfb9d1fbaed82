SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-\U00000032\u0030'
LIMIT 100
