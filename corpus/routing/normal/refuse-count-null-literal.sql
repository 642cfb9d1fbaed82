SELECT region, count(NULL) AS nothing
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
