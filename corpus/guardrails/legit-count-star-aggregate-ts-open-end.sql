SELECT count(*) AS `count`
FROM sales.transactions
WHERE transaction_ts >= CAST('2026-11-24 00:00:00.000000' AS TIMESTAMP)
