-- request: {"user": "alice", "groups": ["eu_sales"]}
WITH t AS (SELECT region, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01')
SELECT region, SUM(amount) FROM t GROUP BY region
