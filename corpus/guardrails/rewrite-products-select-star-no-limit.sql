SELECT * FROM sales.products
