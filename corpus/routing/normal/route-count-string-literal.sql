SELECT region, count('x') AS orders
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
