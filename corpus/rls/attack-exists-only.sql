-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT 1 AS leak FROM main.sales.stores AS s WHERE EXISTS (SELECT 1 FROM main.sales.transactions WHERE region = 'US' AND transaction_date >= DATE '2026-11-01')
