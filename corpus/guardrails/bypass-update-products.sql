UPDATE sales.products SET list_price = 0 WHERE category = 'Toys'
