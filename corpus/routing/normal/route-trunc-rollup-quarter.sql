SELECT trunc(transaction_date, 'quarter') AS q, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY trunc(transaction_date, 'quarter'), channel
ORDER BY 1, 2
