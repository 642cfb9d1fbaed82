-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT transactions.amount FROM main.sales.stores AS transactions
