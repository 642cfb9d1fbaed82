SELECT segment AS segment,
       count(*) AS `count`
FROM main.sales.customers
WHERE (segment IN ('SMB', 'Enterprise')
       OR segment IS NULL)
GROUP BY segment
ORDER BY `count` DESC
LIMIT 10000
