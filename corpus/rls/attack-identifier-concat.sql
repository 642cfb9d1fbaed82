-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT region FROM IDENTIFIER('main.sales.' || 'transactions') WHERE transaction_date >= DATE '2026-11-01'
