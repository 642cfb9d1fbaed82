SELECT upper(region), amount * 2 FROM sales.orders
