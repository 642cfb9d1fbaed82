SELECT dayofweek(transaction_ts) AS dow, count(*) AS orders
FROM main.sales.transactions
GROUP BY dayofweek(transaction_ts)
