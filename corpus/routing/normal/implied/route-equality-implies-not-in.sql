SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE channel = 'web'
GROUP BY channel
ORDER BY 1
