-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT id FROM main.sales.customers EXCEPT SELECT customer_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
