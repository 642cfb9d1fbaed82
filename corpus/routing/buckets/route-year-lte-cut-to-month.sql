SELECT date_trunc('year', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2025-01-01' AND transaction_date <= DATE '2026-10-31'
GROUP BY date_trunc('year', transaction_date)
