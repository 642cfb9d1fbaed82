SELECT order_id, amount
FROM sales.transactions
WHERE true <=> transaction_date >= '2026-11-20' = true
LIMIT 100
