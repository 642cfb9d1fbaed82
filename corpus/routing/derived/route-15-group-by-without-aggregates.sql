SELECT region, channel
FROM main.sales.transactions
GROUP BY region, channel
ORDER BY 1, 2
