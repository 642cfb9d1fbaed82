SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id AND t.channel = 'web'
GROUP BY s.city
