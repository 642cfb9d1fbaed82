SELECT 'web' AS channel, sum(amount) AS revenue FROM main.sales.transactions WHERE channel = 'web'
UNION ALL
SELECT 'store' AS channel, sum(amount) AS revenue FROM main.sales.transactions WHERE channel = 'store'
