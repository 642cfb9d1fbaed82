-- request: {"user": "ann", "groups": ["eu_sales", "auditors"]}
SELECT amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
