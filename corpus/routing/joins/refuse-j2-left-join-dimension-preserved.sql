SELECT s.city, count(*) AS orders
FROM main.sales.stores AS s
LEFT JOIN main.sales.transactions AS t ON t.store_id = s.store_id
GROUP BY s.city
