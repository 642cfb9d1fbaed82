SELECT date_trunc('minute', transaction_ts) AS minute, count(*) AS orders
FROM main.sales.transactions
GROUP BY date_trunc('minute', transaction_ts)
