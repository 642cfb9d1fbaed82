SELECT customer_id, order_id FROM sales.orders
QUALIFY rank() OVER (PARTITION BY customer_id ORDER BY amount DESC) <= 3
