SELECT customer_id, amount
FROM sales.transactions
WHERE NOT (transaction_date < DATE '2026-10-01')
LIMIT 1000
