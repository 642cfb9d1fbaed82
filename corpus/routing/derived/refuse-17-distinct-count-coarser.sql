SELECT region, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
GROUP BY region
