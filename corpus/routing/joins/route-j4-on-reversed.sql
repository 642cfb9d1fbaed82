SELECT s.size, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
INNER JOIN main.sales.stores AS s ON s.store_id = t.store_id
GROUP BY s.size
