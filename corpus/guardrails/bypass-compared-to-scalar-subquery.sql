SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date >= (SELECT min(launch_date) FROM sales.products)
LIMIT 1000
