SELECT count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
