SELECT o.order_id FROM sales.orders o LEFT ANTI JOIN sales.refunds r ON o.order_id = r.order_id
