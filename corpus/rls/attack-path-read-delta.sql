-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM delta.`/mnt/lake/sales/transactions` WHERE transaction_date >= DATE '2026-11-01'
