SELECT t.region, s.city, sum(t.amount) AS revenue, count(t.amount) AS priced
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE t.region IS NOT NULL
GROUP BY t.region, s.city
