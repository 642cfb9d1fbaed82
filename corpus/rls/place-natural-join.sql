-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM main.sales.transactions NATURAL JOIN main.sales.stores WHERE transaction_date >= DATE '2026-11-01'
