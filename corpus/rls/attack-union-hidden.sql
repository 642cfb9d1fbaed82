-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM main.sales.stores WHERE 1 = 0 UNION ALL SELECT region FROM (SELECT region FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') s
