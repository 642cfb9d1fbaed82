SELECT date_trunc('month', transaction_ts) AS m, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_ts < TIMESTAMP '2026-11-01 00:00:00'
GROUP BY 1
ORDER BY 1
