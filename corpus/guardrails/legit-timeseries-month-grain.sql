SELECT date_trunc('month', transaction_ts) AS transaction_ts,
       channel AS channel,
       count(*) AS `count`
FROM sales.transactions
WHERE transaction_ts >= CAST('2026-01-01 00:00:00.000000' AS TIMESTAMP)
  AND transaction_ts < CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
GROUP BY date_trunc('month', transaction_ts), channel
ORDER BY `count` DESC
LIMIT 10000
