SELECT date_trunc('day', transaction_ts) AS d, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
