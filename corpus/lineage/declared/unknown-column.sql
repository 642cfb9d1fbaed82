SELECT region, discount FROM sales.orders
