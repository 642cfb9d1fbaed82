SELECT category, count(*) AS n
FROM main.sales.products
GROUP BY category
