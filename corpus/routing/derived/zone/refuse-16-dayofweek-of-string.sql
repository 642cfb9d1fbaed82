SELECT dayofweek(created_at) AS dow, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
