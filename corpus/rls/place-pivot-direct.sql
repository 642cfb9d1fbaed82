-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT * FROM main.sales.transactions PIVOT (SUM(amount) FOR region IN ('EU', 'US')) WHERE transaction_date >= DATE '2026-11-01'
