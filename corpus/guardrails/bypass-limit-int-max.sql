SELECT product_id, product_name FROM sales.products LIMIT 2147483647
