SELECT DISTINCT region, channel
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date < DATE '2026-07-01'
ORDER BY 1, 2
