SELECT region, amount
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
