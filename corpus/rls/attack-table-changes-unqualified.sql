-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM table_changes('transactions', 0)
