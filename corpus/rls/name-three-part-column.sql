-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT main.sales.transactions.region FROM main.sales.transactions WHERE main.sales.transactions.transaction_date >= DATE '2026-11-01'
