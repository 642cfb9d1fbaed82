SELECT product_name AS product_name,
       max(list_price) AS `MAX(list_price)`
FROM main.sales.products
WHERE lower(product_name) LIKE lower('%Wireless%')
GROUP BY product_name
ORDER BY `MAX(list_price)` DESC
LIMIT 10000
