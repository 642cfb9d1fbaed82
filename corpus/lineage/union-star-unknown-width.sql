SELECT * FROM sales.web_orders UNION ALL SELECT * FROM sales.store_orders
