SELECT dayofmonth(transaction_ts) AS dom, day(transaction_ts) AS d, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1
