SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions t
JOIN main.sales.stores s ON s.store_id = t.store_id
GROUP BY s.city
