SELECT date_trunc('month', transaction_date) AS month_start, channel, count(DISTINCT customer_id, product_id) AS pairs
FROM main.sales.transactions
GROUP BY 1, 2
