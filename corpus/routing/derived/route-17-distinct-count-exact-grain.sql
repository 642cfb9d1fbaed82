SELECT transaction_date AS day, region, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
GROUP BY transaction_date, region
ORDER BY 1, 2
