SELECT date_trunc('month', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= '2026-01-01 10:00:00' AND transaction_date < '2026-11-01'
GROUP BY date_trunc('month', transaction_date)
