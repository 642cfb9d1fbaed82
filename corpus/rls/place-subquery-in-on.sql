-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT s.name FROM main.sales.stores s JOIN main.sales.customers c ON c.id IN (SELECT customer_id FROM main.sales.transactions WHERE store_id = s.id AND transaction_date >= DATE '2026-11-01')
