SELECT hour(transaction_ts) AS hour_of_day, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
