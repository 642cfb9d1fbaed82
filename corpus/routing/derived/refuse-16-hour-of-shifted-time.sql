SELECT hour(transaction_ts + INTERVAL 30 MINUTES) AS h, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
