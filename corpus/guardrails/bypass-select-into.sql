SELECT product_id, product_name
INTO scratch_products
FROM sales.products
LIMIT 100
