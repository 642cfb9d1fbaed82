-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT x.a FROM main.sales.transactions AS x(a, b, c) WHERE x.a > 0
