-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT transactions.region FROM main.sales.transactions WHERE transactions.transaction_date >= DATE '2026-11-01'
