SELECT date_trunc('month', transaction_date) AS month, sum(amount) AS revenue
FROM main.sales.transactions
WHERE date_trunc('month', transaction_date) < TIMESTAMP '2026-11-01 00:00:00.5'
GROUP BY date_trunc('month', transaction_date)
