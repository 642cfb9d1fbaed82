-- request: {"user": "bob", "groups": ["eu_sales", "us_sales"]}
SELECT region, amount FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01'
