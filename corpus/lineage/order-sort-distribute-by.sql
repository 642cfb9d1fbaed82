SELECT customer_id, amount FROM sales.orders DISTRIBUTE BY customer_id SORT BY amount
