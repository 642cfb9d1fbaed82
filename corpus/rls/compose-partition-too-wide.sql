-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM main.sales.transactions WHERE transaction_date >= DATE '2020-01-01'
