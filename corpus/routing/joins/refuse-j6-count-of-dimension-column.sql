SELECT t.region, count(s.city) AS with_city
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY t.region
