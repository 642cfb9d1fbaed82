SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE amount > 100
GROUP BY region
