-- request: {"user": "alice", "groups": ["eu_sales"]}
CREATE TABLE main.sales.copy AS SELECT * FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
