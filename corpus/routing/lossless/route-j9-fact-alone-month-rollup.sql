SELECT date_trunc('month', transaction_date) AS month, sum(amount) AS revenue, count(amount) AS paid
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01'
GROUP BY date_trunc('month', transaction_date)
