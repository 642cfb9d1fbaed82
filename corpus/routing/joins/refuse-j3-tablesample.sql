SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores TABLESAMPLE (50 PERCENT) AS s ON t.store_id = s.store_id
GROUP BY s.city
