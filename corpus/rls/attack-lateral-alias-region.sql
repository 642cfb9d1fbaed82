-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT 'EU' AS region, t.amount FROM main.sales.transactions t WHERE t.transaction_date >= DATE '2026-11-01'
