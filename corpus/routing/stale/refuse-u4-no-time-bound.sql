SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY region
