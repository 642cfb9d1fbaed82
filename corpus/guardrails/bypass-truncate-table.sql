TRUNCATE TABLE sales.products
