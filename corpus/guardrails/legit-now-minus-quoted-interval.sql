SELECT channel, count(*) AS orders
FROM sales.transactions
WHERE transaction_ts > now() - INTERVAL '7' DAY
GROUP BY channel
LIMIT 20
