SELECT region, channel
FROM main.sales.transactions
LIMIT 10
