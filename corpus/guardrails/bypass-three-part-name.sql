SELECT customer_id, amount
FROM main.sales.transactions
WHERE amount > 10000
LIMIT 100
