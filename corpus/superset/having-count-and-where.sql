SELECT region AS region,
       product_id AS product_id,
       count(*) AS `count`
FROM main.sales.transactions
WHERE channel IN ('web', 'app')
GROUP BY region,
         product_id
HAVING count(*) >= 10
   AND sum(`quantity`) < 1000
ORDER BY `count` DESC
LIMIT 1000
