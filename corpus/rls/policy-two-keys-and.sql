-- request: {"user": "rita", "groups": ["eu_sales", "retail_only"]}
SELECT region, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
