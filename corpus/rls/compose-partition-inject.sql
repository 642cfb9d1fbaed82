-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region, amount FROM main.sales.transactions
