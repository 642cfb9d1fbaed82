-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM main.sales.transactions WHERE a = 'it''s'
