-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT t.* FROM main.sales.transactions t WHERE t.transaction_date >= DATE '2026-11-01'
