-- request: {"user": "root", "groups": ["Admin"]}
SELECT c.name, SUM(t.amount) FROM main.sales.transactions t JOIN main.sales.customers c ON c.id = t.customer_id WHERE t.transaction_date >= DATE '2026-11-01' GROUP BY c.name
