SELECT region, count(DISTINCT amount) AS amounts
FROM main.sales.transactions
GROUP BY CUBE(region)
