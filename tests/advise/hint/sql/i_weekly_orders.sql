SELECT date_trunc('week', transaction_date) AS week, COUNT(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date < DATE '2026-04-01'
GROUP BY date_trunc('week', transaction_date)
