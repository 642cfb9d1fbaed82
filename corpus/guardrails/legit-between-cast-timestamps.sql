SELECT order_id, amount
FROM sales.transactions
WHERE transaction_ts BETWEEN CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
                         AND CAST('2026-11-07 23:59:59.999999' AS TIMESTAMP)
LIMIT 10000
