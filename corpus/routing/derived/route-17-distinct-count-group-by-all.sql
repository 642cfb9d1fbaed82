SELECT channel, date_trunc('month', transaction_date) AS month_start, count(DISTINCT product_id) AS products
FROM main.sales.transactions
GROUP BY ALL
ORDER BY 1, 2
