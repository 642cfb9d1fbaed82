-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT s.name, SUM(t.amount) FROM main.sales.transactions t JOIN main.sales.stores s ON t.store_id = s.id WHERE t.transaction_date >= DATE '2026-11-01' GROUP BY s.name
