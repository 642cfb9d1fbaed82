SELECT region, count(*) AS orders
FROM main.sales.transactions
WHERE (region = 'west' OR channel = 'app')
GROUP BY region
ORDER BY 1
