SELECT region, avg(quantity) AS avg_quantity
FROM main.sales.transactions
GROUP BY region
HAVING avg(quantity) > 3
ORDER BY avg(weight) DESC
