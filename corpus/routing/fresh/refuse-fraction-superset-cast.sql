-- Superset's convert_dttm for TIMESTAMP columns: microseconds.
SELECT channel, sum(amount) AS `SUM(amount)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-10-01 00:00:00.000000' AS TIMESTAMP)
  AND transaction_date < CAST('2026-11-01 00:00:00.000250' AS TIMESTAMP)
GROUP BY channel
ORDER BY `SUM(amount)` DESC
LIMIT 100
