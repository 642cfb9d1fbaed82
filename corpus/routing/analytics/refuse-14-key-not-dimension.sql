SELECT region, product_id, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY ROLLUP(region, product_id)
