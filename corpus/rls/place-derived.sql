-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT d.region, d.total FROM (SELECT region, SUM(amount) AS total FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' GROUP BY region) AS d
