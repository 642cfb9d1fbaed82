SELECT s.city, count(*) AS orders
FROM main.sales.stores AS s
RIGHT JOIN main.sales.transactions AS t ON s.store_id = t.store_id
GROUP BY s.city
