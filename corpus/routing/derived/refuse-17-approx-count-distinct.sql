SELECT transaction_date AS day, region, approx_count_distinct(customer_id) AS customers
FROM main.sales.transactions
GROUP BY 1, 2
