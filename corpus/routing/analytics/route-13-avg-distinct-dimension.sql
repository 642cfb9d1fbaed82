SELECT region, avg(DISTINCT customer_id) AS avg_customer, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
GROUP BY region
