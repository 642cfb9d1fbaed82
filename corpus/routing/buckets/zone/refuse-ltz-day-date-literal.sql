SELECT date_trunc('day', transaction_ts) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= DATE '2026-10-05'
GROUP BY date_trunc('day', transaction_ts)
