SELECT t.region, sum(s.store_id) AS store_sum
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s ON t.store_id = s.store_id
GROUP BY t.region
