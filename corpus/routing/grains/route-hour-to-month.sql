SELECT date_trunc('month', transaction_ts) AS month, count(*) AS orders
FROM main.sales.transactions
WHERE channel = 'web'
GROUP BY date_trunc('month', transaction_ts)
ORDER BY 1
