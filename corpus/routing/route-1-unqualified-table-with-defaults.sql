SELECT region, sum(amount) AS revenue
FROM transactions
GROUP BY region
ORDER BY region
