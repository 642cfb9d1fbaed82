SELECT date_trunc('day', transaction_date) AS day, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
GROUP BY date_trunc('day', transaction_date)
ORDER BY day
