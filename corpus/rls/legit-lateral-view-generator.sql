-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT t.region, e.tag FROM main.sales.transactions AS t LATERAL VIEW explode(split(t.note, ',')) e AS tag WHERE t.transaction_date >= DATE '2026-11-01'
