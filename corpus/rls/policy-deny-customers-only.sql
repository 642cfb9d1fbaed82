-- request: {"user": "zed", "groups": ["marketing"]}
SELECT name FROM main.sales.customers
