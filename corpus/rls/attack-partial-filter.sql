-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM (SELECT * FROM main.sales.transactions WHERE region = 'EU' OR region = 'US') AS transactions WHERE transaction_date >= DATE '2026-11-01'
