-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT 1; SELECT region FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
