SELECT s.store_name, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY s.store_name
