SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE region IN (SELECT region FROM main.sales.regions)
GROUP BY region
