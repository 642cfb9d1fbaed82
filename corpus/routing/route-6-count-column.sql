SELECT region, count(amount) AS priced
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
