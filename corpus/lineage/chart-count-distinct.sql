SELECT country, COUNT(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)`
FROM sales.orders
GROUP BY country
ORDER BY `COUNT_DISTINCT(customer_id)` DESC
LIMIT 100
