SELECT region, sum(DISTINCT amount) AS s
FROM main.sales.transactions
GROUP BY region
