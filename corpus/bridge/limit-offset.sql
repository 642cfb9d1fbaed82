SELECT product_id, product_name
FROM main.sales.products
ORDER BY product_id
LIMIT 25 OFFSET 50
