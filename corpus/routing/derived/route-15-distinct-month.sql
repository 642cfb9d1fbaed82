SELECT DISTINCT date_trunc('month', transaction_date) AS month_start
FROM main.sales.transactions
WHERE region = 'north'
ORDER BY 1
