SELECT date_trunc('hour', transaction_ts) AS hour_start, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1
