-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM (SELECT * FROM (SELECT id, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') a) b
