SELECT date_trunc('month', t.transaction_date) AS month, s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
LEFT JOIN main.sales.stores AS s ON t.store_id = s.store_id
WHERE t.transaction_date >= DATE '2026-01-01'
GROUP BY date_trunc('month', t.transaction_date), s.city
