SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY region
HAVING sum(amount) > 1000 AND count(*) > 2
ORDER BY 1
