SELECT 2 AS a, 1 AS b, region, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY ALL
