SELECT date_trunc('hour', transaction_ts) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-10-05 10:00:00' AND transaction_ts < '2026-10-05 18:00:00'
GROUP BY date_trunc('hour', transaction_ts)
