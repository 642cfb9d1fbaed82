SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE t.transaction_date >= DATE '2026-11-15'
GROUP BY s.city
