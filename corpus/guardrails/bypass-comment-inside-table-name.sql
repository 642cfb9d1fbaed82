SELECT order_id, amount
FROM sales./* split */transactions
LIMIT 100
