-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM main.sales.transactions TIMESTAMP AS OF '2026-11-01' WHERE transaction_date >= DATE '2026-10-20'
