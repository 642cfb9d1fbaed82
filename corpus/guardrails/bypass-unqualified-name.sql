SELECT customer_id, amount
FROM transactions
WHERE channel = 'web'
LIMIT 100
