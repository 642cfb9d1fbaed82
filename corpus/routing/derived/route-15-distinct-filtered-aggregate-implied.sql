SELECT DISTINCT transaction_date AS day
FROM main.sales.transactions
WHERE status = 'paid' AND channel = 'web'
ORDER BY 1
