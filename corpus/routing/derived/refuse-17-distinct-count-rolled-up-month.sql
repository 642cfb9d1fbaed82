SELECT date_trunc('month', transaction_date) AS month_start, region, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
GROUP BY 1, 2
