-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT c.name, t.amount FROM main.sales.transactions t, main.sales.customers c WHERE t.customer_id = c.id AND t.transaction_date >= DATE '2026-11-01'
