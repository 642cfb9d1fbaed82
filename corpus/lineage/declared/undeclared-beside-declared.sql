SELECT * FROM sales.orders o JOIN sales.shipments s ON o.order_id = s.order_id
