SELECT transaction_date AS day, region, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
GROUP BY ROLLUP(transaction_date, region)
