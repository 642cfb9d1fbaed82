-- request: {"user": "alice", "groups": ["eu_sales"]}
WITH transactions AS (SELECT * FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01')
SELECT region, amount FROM transactions
