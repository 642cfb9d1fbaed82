SELECT t.region, count(DISTINCT s.city) AS cities
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY t.region
