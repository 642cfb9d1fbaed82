SELECT region, sum(amount) AS revenue
FROM sales.transactions
GROUP BY region
ORDER BY region
