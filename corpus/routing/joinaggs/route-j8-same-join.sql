SELECT s.city, sum(t.amount) AS revenue, count(*) AS orders
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE s.size = 'large'
GROUP BY s.city
