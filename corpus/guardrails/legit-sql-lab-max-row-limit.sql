SELECT *
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-22'
LIMIT 100000
