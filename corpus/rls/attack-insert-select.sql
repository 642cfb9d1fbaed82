-- request: {"user": "alice", "groups": ["eu_sales"]}
INSERT INTO main.sales.stolen SELECT * FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
