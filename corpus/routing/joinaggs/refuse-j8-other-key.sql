SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.product_id = s.store_id
GROUP BY s.city
