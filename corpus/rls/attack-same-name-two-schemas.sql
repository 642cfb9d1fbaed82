-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT transactions.region FROM main.sales.transactions, main.other.transactions WHERE main.sales.transactions.transaction_date >= DATE '2026-11-01'
