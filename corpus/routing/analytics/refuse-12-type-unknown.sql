SELECT region, avg(product_id) AS avg_product
FROM main.sales.transactions
GROUP BY region
