SELECT product_id, region, sum(amount) AS revenue, dense_rank() OVER (PARTITION BY region ORDER BY sum(amount) DESC) AS rnk
FROM main.sales.transactions
GROUP BY product_id, region
HAVING sum(amount) > 0
QUALIFY rnk <= 5
