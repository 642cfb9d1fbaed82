SELECT date_trunc('month', transaction_ts) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= DATE '2026-01-01' AND transaction_ts < CAST('2026-11-01' AS DATE)
GROUP BY date_trunc('month', transaction_ts)
