SELECT region, avg(amount) FILTER (WHERE channel = 'web') AS avg_web
FROM main.sales.transactions
GROUP BY region
