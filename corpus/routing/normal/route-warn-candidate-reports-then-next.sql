SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY channel
ORDER BY 1
