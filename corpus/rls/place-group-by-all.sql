-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region, channel, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' GROUP BY ALL ORDER BY revenue DESC LIMIT 100
