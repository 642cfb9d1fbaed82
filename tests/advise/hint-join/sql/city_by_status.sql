SELECT s.city, t.status, SUM(t.amount) AS revenue
FROM main.sales.transactions AS t JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE t.transaction_date >= DATE '2026-01-01' AND t.transaction_date < DATE '2026-02-01'
GROUP BY s.city, t.status
