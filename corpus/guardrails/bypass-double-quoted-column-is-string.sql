SELECT order_id, amount
FROM sales.transactions
WHERE "transaction_date" >= '2026-11-01'
LIMIT 100
