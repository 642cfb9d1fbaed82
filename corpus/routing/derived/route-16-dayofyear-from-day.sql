SELECT dayofyear(transaction_ts) AS doy, count(*) AS orders
FROM main.sales.transactions
WHERE region = 'north'
GROUP BY 1
ORDER BY 1
