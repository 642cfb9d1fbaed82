SELECT region, sum(customer_id - product_id) AS id_gap
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
