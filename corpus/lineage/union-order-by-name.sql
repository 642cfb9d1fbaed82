SELECT region, amount FROM sales.web_orders WHERE amount > 0
UNION
SELECT area, total FROM sales.store_orders
ORDER BY amount DESC
