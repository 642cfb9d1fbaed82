SELECT to_date(transaction_ts) AS day, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
