SELECT date_trunc('quarter', transaction_date) AS q, channel, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
GROUP BY 1, 2
