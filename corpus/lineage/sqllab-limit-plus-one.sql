SELECT * FROM sales.orders LIMIT 1001
