SELECT region, count(1) AS orders
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
