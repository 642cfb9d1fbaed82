SELECT DISTINCT status
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-10-01'
ORDER BY status
LIMIT 10
