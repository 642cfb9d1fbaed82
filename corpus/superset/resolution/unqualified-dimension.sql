SELECT * FROM products
