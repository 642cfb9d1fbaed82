SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date >= '2026-11-20''' 
LIMIT 100
