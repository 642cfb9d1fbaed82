SELECT region, sum(product_id - customer_id) AS id_gap
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
