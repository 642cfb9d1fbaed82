DROP TABLE IF EXISTS sales.products
