SELECT customer_name AS customer_name,
       count(*) AS `count`
FROM main.sales.customers
WHERE customer_name IN ('O\'Hara Ltd', 'Smith & Sons')
GROUP BY customer_name
ORDER BY `count` DESC
LIMIT 10000
