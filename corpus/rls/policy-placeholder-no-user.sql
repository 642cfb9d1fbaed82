-- request: {"groups": ["eu_sales"]}
SELECT name FROM main.sales.customers
