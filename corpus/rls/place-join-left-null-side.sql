-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT s.name, t.amount FROM main.sales.stores s LEFT JOIN main.sales.transactions t ON t.store_id = s.id AND t.transaction_date >= DATE '2026-11-01'
