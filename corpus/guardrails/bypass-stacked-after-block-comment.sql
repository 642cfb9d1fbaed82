SELECT product_id FROM sales.products LIMIT 10 /* harmless;
*/; TRUNCATE TABLE sales.products
