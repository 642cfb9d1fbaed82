SELECT s.city, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
CROSS JOIN main.sales.stores AS s
GROUP BY s.city
