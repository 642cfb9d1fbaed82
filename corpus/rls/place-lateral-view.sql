-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT t.id, tag FROM main.sales.transactions t LATERAL VIEW explode(t.tags) x AS tag WHERE t.transaction_date >= DATE '2026-11-01'
