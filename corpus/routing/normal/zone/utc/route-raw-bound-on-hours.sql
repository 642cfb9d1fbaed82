SELECT date_trunc('hour', transaction_ts) AS h, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= '2026-10-30 06:00:00' AND transaction_ts < '2026-10-30 18:00:00'
GROUP BY 1
ORDER BY 1
