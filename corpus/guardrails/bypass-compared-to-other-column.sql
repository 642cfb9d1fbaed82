SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date >= shipped_date
LIMIT 1000
