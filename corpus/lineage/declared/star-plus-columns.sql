SELECT *, amount * 2 AS doubled FROM sales.products p JOIN sales.orders o ON true
