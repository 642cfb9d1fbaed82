-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT t.region, x.id FROM main.sales.transactions AS t, range(3) AS x WHERE t.transaction_date >= DATE '2026-11-01'
