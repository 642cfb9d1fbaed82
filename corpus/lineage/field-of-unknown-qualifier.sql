SELECT x.region FROM sales.orders o
