-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' UNION SELECT region FROM main.sales.transactions WHERE transaction_date >= DATE '2026-10-01'
