-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT name FROM main.sales.customers WHERE id IN (SELECT customer_id FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01')
