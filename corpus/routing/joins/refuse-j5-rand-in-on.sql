SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
LEFT JOIN main.sales.stores AS s ON t.store_id = s.store_id AND rand() < 0.5
GROUP BY s.city
