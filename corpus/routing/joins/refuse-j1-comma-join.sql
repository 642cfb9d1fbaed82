SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t, main.sales.stores AS s
WHERE t.store_id = s.store_id
GROUP BY s.city
