-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT c.name FROM main.sales.customers AS c WHERE EXISTS (SELECT 1 FROM main.sales.transactions AS t WHERE t.customer_id = c.id AND t.transaction_date >= DATE '2026-11-01')
