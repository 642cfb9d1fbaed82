-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM (SELECT * FROM main.sales.transactions AS t(id, region) WHERE region = 'EU') AS x WHERE x.transaction_date >= DATE '2026-11-01'
