SELECT s.city, t.channel, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
LEFT JOIN main.sales.stores AS s ON s.size = 'large' AND t.store_id = s.store_id
GROUP BY s.city, t.channel
