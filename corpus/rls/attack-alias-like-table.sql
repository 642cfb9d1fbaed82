-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM main.sales.transactions AS t2 WHERE t2.transaction_date >= DATE '2026-11-01'
