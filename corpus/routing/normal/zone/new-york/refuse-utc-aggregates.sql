SELECT date_trunc('month', transaction_ts) AS m, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
