SELECT 'all' AS scope, count(*) AS orders, sum(amount) AS revenue, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-01-01 00:00:00'
GROUP BY ALL
