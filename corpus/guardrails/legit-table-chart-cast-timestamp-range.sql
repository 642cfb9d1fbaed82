SELECT store_id AS store_id,
       count(*) AS `count`
FROM sales.transactions
WHERE transaction_ts >= CAST('2026-10-01 00:00:00.000000' AS TIMESTAMP)
  AND transaction_ts < CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
GROUP BY store_id
ORDER BY `count` DESC
LIMIT 1000
