SELECT s.c, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
JOIN main.sales.stores AS s (k, n, c, z) ON t.store_id = s.k
GROUP BY s.c
