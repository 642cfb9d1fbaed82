SELECT date_trunc('hour', transaction_ts) AS hour_start, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-11-20 06:00:00' AND channel = 'web'
GROUP BY date_trunc('hour', transaction_ts)
