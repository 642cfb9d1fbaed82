-- request: {"user": "bob", "groups": ["us_sales"]}
SELECT region FROM main.sales.transactions
