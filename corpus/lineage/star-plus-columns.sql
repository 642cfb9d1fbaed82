SELECT *, amount * 2 AS doubled FROM sales.orders
