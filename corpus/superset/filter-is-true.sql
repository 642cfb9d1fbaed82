SELECT country AS country,
       count(*) AS `count`
FROM main.sales.customers
WHERE is_active IS true
GROUP BY country
ORDER BY `count` DESC
LIMIT 10000
