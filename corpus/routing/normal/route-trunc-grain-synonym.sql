SELECT trunc(transaction_date, 'MON') AS m, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY trunc(transaction_date, 'MON'), channel
ORDER BY 1, 2
