SELECT customer_id, amount FROM sales.orders CLUSTER BY customer_id
