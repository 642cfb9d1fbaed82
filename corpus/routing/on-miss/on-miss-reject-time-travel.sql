SELECT region, sum(amount) AS revenue
FROM main.sales.transactions VERSION AS OF 12
GROUP BY region
