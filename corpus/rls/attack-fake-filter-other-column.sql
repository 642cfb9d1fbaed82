-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM (SELECT * FROM main.sales.transactions WHERE channel = 'EU') AS transactions WHERE transaction_date >= DATE '2026-11-01'
