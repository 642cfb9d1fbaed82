SELECT category, count(*) AS products
FROM sales.products
GROUP BY category
ORDER BY products DESC
LIMIT 10000
