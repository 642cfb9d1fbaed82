SELECT date_trunc('DAY', INTERVAL '2 hours' + transaction_ts) AS local_day, channel, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
