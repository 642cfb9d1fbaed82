SELECT segment AS segment,
       count(*) AS `count`
FROM main.sales.customers
WHERE country <> 'XX'
  AND segment <> ''
GROUP BY segment
ORDER BY `count` DESC
LIMIT 10000
