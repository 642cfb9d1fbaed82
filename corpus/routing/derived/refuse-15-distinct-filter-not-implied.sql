SELECT DISTINCT transaction_date AS day
FROM main.sales.transactions
WHERE channel = 'web'
ORDER BY 1
