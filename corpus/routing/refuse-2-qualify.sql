SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY region
QUALIFY rank() OVER (ORDER BY sum(amount) DESC) <= 3
