SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.store_cities AS s ON t.store_id = s.store_id AND t.region = s.city
GROUP BY s.city
