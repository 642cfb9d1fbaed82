SELECT date_trunc('month', created_at) AS month, sum(amount) AS revenue
FROM main.sales.transactions
WHERE created_at >= '2026-01-01'
GROUP BY date_trunc('month', created_at)
