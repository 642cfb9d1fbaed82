-- request: {"user": "alice", "groups": ["eu_sales"]}
CREATE TABLE main.sales.copy AS SELECT * FROM main.sales.stores
