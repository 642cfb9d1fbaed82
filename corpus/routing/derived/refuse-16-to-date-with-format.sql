SELECT to_date(transaction_ts, 'yyyy-MM-dd') AS day, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
