SELECT date_trunc('day', transaction_ts) AS d, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-10-01 00:00:00'
GROUP BY 1
ORDER BY 1
