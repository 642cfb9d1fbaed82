SELECT region, sum(customer_id * (product_id * 1)) AS weighted
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
