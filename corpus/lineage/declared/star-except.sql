SELECT * EXCEPT (status, order_date) FROM sales.orders
