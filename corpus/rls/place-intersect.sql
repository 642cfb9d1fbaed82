-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT customer_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01' INTERSECT SELECT id FROM main.sales.customers
