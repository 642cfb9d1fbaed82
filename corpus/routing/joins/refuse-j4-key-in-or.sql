SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id OR s.size = 'large'
GROUP BY s.city
