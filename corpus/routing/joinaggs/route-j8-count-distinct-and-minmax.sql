SELECT t.channel, count(DISTINCT s.city) AS cities, min(t.amount) AS smallest, max(t.amount) AS largest
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY t.channel
