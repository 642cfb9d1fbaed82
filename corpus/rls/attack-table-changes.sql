-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM table_changes('main.sales.transactions', 0)
