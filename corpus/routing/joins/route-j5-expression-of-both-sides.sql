SELECT concat(s.city, '/', t.region) AS place, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE (s.city = 'Lyon' OR t.region = 'west')
GROUP BY concat(s.city, '/', t.region)
