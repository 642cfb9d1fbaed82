INSERT OVERWRITE TABLE sales.products SELECT * FROM sales.products WHERE product_id > 10
