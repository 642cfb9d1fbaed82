SELECT * FROM sales.products LIMIT ALL
