SELECT region, count(*) AS orders
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
