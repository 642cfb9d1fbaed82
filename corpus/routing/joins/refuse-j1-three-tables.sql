SELECT s.city, o.owner, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
JOIN main.sales.store_owners AS o ON o.store_id = s.store_id
GROUP BY s.city, o.owner
