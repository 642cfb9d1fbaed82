SELECT transaction_date AS day, region, upper(region) AS region_upper, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
GROUP BY transaction_date, region, upper(region)
ORDER BY 1, 2
