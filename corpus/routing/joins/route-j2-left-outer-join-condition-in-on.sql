SELECT s.store_name, count(*) AS orders
FROM main.sales.transactions AS t
LEFT OUTER JOIN main.sales.stores AS s ON t.store_id = s.store_id AND s.size = 'large'
GROUP BY s.store_name
