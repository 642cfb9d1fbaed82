SELECT date_trunc('hour', transaction_ts) AS transaction_ts,
       sum(`amount`) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_ts >= CAST('2026-11-28 00:00:00.000000' AS TIMESTAMP)
  AND transaction_ts < CAST('2026-12-01 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('hour', transaction_ts)
ORDER BY `SUM(amount)` DESC
LIMIT 10000
