SELECT order_id FROM sales.orders WHERE amount > (SELECT avg(amount) FROM sales.orders)
