-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM main.sales.transactions TABLESAMPLE (10 PERCENT) WHERE transaction_date >= DATE '2026-11-01'
