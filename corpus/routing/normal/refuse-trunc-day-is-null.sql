SELECT trunc(transaction_date, 'DD') AS d, channel, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
