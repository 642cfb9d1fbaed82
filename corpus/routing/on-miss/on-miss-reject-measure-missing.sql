SELECT region, sum(quantity) AS units
FROM main.sales.transactions
GROUP BY region
