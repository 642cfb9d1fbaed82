SELECT *
FROM main.sales.products
LIMIT 10000
