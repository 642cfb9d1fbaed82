-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT sales.transactions.region FROM sales.transactions WHERE transactions.transaction_date >= DATE '2026-11-01'
