SELECT order_id, note
FROM sales.transactions
WHERE note = 'transaction_date >= DATE \'2026-11-01\''
LIMIT 100
