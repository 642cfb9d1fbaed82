SELECT date_trunc('month', transaction_date) AS month_start, channel, count(DISTINCT customer_id) AS customers, count(DISTINCT product_id) AS products
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date < DATE '2026-11-01'
GROUP BY 1, 2
ORDER BY 1, 2
