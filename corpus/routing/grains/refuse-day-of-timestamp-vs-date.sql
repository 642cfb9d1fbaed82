SELECT date_trunc('day', transaction_date) AS day, count(*) AS orders
FROM main.sales.transactions
GROUP BY date_trunc('day', transaction_date)
