SELECT segment AS segment,
       count(*) AS `count`
FROM main.sales.customers
WHERE is_active = true
GROUP BY segment
ORDER BY `count` DESC
LIMIT 10000
