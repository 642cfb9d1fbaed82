SELECT date_trunc('month', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-01-01' AS DATE) AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY date_trunc('month', transaction_date)
LIMIT 10000
