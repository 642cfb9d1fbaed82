SELECT s.city AS city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY s.city
HAVING sum(t.amount) > 1000
ORDER BY revenue DESC
LIMIT 3
