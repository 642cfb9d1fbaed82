SELECT region, avg(quantity) AS avg_quantity
FROM main.sales.transactions
GROUP BY region
