SELECT 'web' AS src, sum(amount) AS total FROM sales.web_orders GROUP BY 1
UNION ALL
SELECT 'store', sum(total) FROM sales.store_orders
UNION ALL
SELECT 'app', sum(value) FROM sales.app_orders
