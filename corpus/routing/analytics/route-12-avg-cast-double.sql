SELECT region, avg(CAST(customer_id AS DOUBLE)) AS avg_customer
FROM main.sales.transactions
GROUP BY region
