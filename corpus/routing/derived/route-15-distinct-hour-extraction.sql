SELECT DISTINCT hour(transaction_ts) AS hour_of_day
FROM main.sales.transactions
WHERE channel = 'app'
ORDER BY 1
