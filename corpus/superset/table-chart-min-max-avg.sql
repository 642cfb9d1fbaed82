SELECT category AS category,
       min(list_price) AS `MIN(list_price)`,
       max(list_price) AS `MAX(list_price)`,
       avg(list_price) AS `AVG(list_price)`
FROM main.sales.products
GROUP BY category
ORDER BY `MAX(list_price)` DESC
LIMIT 10000
