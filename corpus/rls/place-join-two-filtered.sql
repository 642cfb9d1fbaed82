-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT c.name, t.amount FROM main.sales.transactions t JOIN main.sales.customers c ON t.customer_id = c.id WHERE t.transaction_date >= DATE '2026-11-01'
