SELECT date_trunc('year', transaction_date) AS y, channel, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
