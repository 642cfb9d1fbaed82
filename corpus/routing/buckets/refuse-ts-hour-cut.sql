SELECT date_trunc('hour', transaction_ts) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-10-05 10:30:00'
GROUP BY date_trunc('hour', transaction_ts)
