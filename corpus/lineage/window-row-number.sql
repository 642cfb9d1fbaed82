SELECT customer_id, order_id,
       row_number() OVER (PARTITION BY customer_id ORDER BY order_date DESC) AS rn
FROM sales.orders
