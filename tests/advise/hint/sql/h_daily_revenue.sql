SELECT date_trunc('day', transaction_date) AS day, SUM(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date < DATE '2026-02-01'
GROUP BY date_trunc('day', transaction_date)
