SELECT date_trunc('month', transaction_date) AS month_start, channel, count(*) AS orders
FROM main.sales.transactions
GROUP BY date_trunc('month', transaction_date), channel
HAVING count(DISTINCT customer_id) > 40
ORDER BY 1, 2
