SELECT category AS category,
       count(*) AS `COUNT(*)`
FROM main.sales.products
GROUP BY category
ORDER BY `COUNT(*)` DESC
LIMIT 10
