SELECT city AS city,
       count(*) AS `count`
FROM
  (SELECT customer_id, address.city AS city, address.geo.lat AS lat, attributes['tier'] AS tier, phones[0] AS main_phone
FROM main.sales.customers
) AS virtual_table
WHERE tier IN ('gold', 'platinum')
GROUP BY city
ORDER BY `count` DESC
LIMIT 10000
