INSERT INTO sales.products (product_id, product_name) VALUES (99999, 'test')
