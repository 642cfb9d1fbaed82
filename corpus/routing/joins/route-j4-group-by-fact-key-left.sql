SELECT t.store_id, max(s.city) AS city, count(*) AS orders
FROM main.sales.transactions AS t
LEFT JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY t.store_id
