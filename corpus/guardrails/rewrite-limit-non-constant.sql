SELECT product_id, product_name
FROM sales.products
LIMIT (SELECT count(*) FROM sales.products)
