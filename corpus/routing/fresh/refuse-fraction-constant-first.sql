SELECT region, count(*) AS orders
FROM main.sales.transactions
WHERE CAST('2026-11-01 00:00:00.000001' AS TIMESTAMP) > transaction_date
GROUP BY region
