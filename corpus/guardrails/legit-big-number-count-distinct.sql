SELECT COUNT(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)`
FROM sales.transactions
WHERE transaction_ts >= CAST('2026-11-01 00:00:00.000000' AS TIMESTAMP)
