SELECT t.channel, min(s.city) AS first_city, max(s.size) AS largest, min(t.amount) AS smallest, max(t.amount) AS largest_sale
FROM main.sales.transactions AS t
LEFT JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY t.channel
