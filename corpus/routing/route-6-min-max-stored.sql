SELECT region, min(amount) AS smallest, max(amount) AS largest
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
