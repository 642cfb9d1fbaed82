-- request: {"user": "alice", "groups": ["eu_sales"]}
WITH x(r, a) AS (SELECT region, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01')
SELECT r, SUM(a) FROM x GROUP BY r
