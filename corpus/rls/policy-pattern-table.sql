-- request: {"user": "carol"}
SELECT name FROM main.sales.customers
