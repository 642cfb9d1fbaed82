SELECT s.city, t.channel, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
LEFT JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE s.city IS NOT NULL
GROUP BY s.city, t.channel
