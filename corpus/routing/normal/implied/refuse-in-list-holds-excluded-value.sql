SELECT channel, count(*) AS orders
FROM main.sales.transactions
WHERE channel IN ('web', 'store')
GROUP BY channel
ORDER BY 1
