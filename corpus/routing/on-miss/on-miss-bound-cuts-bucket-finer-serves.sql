SELECT date_trunc('month', transaction_date) AS month, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-15'
GROUP BY date_trunc('month', transaction_date)
