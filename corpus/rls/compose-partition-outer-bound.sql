-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT t.region FROM main.sales.transactions t WHERE t.transaction_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' LIMIT 50
