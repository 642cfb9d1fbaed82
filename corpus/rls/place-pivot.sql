-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM (SELECT region, channel, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') PIVOT (SUM(amount) FOR region IN ('EU', 'US'))
