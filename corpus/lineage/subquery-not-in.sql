SELECT o.order_id FROM sales.orders o
WHERE o.customer_id NOT IN (SELECT b.customer_id FROM sales.blocked b)
