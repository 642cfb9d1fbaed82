-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT t.region FROM main.sales.transactions AS t WHERE t.transaction_date >= DATE '2026-11-01'
