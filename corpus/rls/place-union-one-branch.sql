-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT id AS k FROM main.sales.stores UNION ALL SELECT store_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
