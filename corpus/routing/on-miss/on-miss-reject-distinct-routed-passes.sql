SELECT DISTINCT region
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
