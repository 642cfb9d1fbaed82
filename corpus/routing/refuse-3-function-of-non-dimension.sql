SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE product_id % 2 = 0
GROUP BY region
