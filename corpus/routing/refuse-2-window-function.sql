SELECT region, sum(amount) AS revenue, rank() OVER (ORDER BY sum(amount) DESC) AS rnk
FROM main.sales.transactions
GROUP BY region
