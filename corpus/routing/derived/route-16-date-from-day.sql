SELECT date(transaction_ts) AS day, count(*) AS orders
FROM main.sales.transactions
GROUP BY date(transaction_ts)
ORDER BY 1
