SELECT r.zone, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
LEFT JOIN main.sales.region_names AS r ON t.region = r.region
GROUP BY r.zone
