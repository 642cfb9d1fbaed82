SELECT date_trunc('day', transaction_ts) AS __timestamp,
       sum(amount) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_ts >= CAST('2026-10-01 00:00:00.000000' AS TIMESTAMP)
  AND transaction_ts < CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('day', transaction_ts)
ORDER BY `SUM(amount)` DESC
LIMIT 50000
