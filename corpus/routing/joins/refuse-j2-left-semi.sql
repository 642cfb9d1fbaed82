SELECT t.region, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
LEFT SEMI JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY t.region
