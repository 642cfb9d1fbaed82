SELECT u.region, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.transactions AS u ON t.store_id = u.store_id
GROUP BY u.region
