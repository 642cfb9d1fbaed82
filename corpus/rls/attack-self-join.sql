-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT a.id, b.amount FROM main.sales.transactions a JOIN main.sales.transactions b ON a.id = b.id WHERE a.transaction_date >= DATE '2026-11-01' AND b.transaction_date >= DATE '2026-11-01'
