SELECT channel, count(DISTINCT region) AS regions
FROM main.sales.transactions
GROUP BY channel
ORDER BY 1
