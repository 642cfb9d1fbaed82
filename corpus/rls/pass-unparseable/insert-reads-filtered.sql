-- request: {"user": "alice", "groups": ["eu_sales"]}
INSERT INTO main.sales.stolen SELECT * FROM main.sales.transactions
