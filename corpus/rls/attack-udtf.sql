-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM main.sales.stores s, LATERAL my_catalog.fetch_rows('transactions') AS r
