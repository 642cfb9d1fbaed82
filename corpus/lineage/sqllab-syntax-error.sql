SELECT region FROM sales.orders WHER amount > 1
