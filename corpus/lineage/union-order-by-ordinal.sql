SELECT region FROM sales.web_orders UNION SELECT area FROM sales.store_orders ORDER BY 1
