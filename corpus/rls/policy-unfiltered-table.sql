-- request: {"user": "zed"}
SELECT name FROM main.sales.stores
