SELECT weekday(transaction_ts) AS wd, region, count(*) AS orders
FROM main.sales.transactions
GROUP BY weekday(transaction_ts), region
ORDER BY 1, 2
