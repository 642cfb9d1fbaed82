-- request: {"user": "alice", "groups": ["eu_sales"]}
CREATE TABLE main.sales.copy AS SELECT * FROM (SELECT * FROM main.sales.transactions WHERE region = 'EU') AS t
