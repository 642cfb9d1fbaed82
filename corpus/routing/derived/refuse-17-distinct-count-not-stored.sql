SELECT transaction_date AS day, region, count(DISTINCT product_id) AS products
FROM main.sales.transactions
GROUP BY 1, 2
