SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY region
ORDER BY 2 DESC, 1
LIMIT 2 OFFSET 1
