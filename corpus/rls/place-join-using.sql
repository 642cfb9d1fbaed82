-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT customer_id, name FROM main.sales.transactions JOIN main.sales.customers USING (customer_id) WHERE transaction_date >= DATE '2026-11-01'
