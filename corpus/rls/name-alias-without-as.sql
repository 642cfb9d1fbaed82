-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT x.region FROM main.sales.transactions x WHERE x.transaction_date >= DATE '2026-11-01'
