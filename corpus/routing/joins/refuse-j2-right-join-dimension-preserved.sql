SELECT s.city, count(*) AS orders
FROM main.sales.transactions AS t
RIGHT JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY s.city
