SELECT region AS region,
       count(*) AS `count`
FROM main.sales.transactions
WHERE product_id IN (101, 102, 205)
GROUP BY region
ORDER BY `count` DESC
LIMIT 10000
