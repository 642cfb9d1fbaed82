SELECT to_date(transaction_ts) AS day, channel, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
