SELECT * FROM sales.orders
