SELECT trunc(transaction_date, 'week') AS w, channel, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
