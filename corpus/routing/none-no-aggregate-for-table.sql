SELECT region, sum(amount) AS revenue
FROM main.sales.refunds
GROUP BY region
