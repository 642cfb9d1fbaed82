SELECT minute(transaction_ts) AS mi, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
