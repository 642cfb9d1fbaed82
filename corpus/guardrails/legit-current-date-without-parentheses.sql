SELECT channel, count(*) AS orders
FROM sales.transactions
WHERE transaction_date >= current_date - INTERVAL 14 DAYS
GROUP BY channel
LIMIT 100
