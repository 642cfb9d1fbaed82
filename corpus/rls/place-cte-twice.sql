-- request: {"user": "alice", "groups": ["eu_sales"]}
WITH a AS (SELECT * FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'), b AS (SELECT region, SUM(amount) AS s FROM a GROUP BY region)
SELECT * FROM b JOIN a ON a.region = b.region
