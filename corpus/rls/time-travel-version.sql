-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region, amount FROM main.sales.transactions VERSION AS OF 12 AS t WHERE t.transaction_date >= DATE '2026-11-01'
