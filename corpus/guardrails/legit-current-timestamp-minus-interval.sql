SELECT order_id, amount, transaction_ts
FROM sales.transactions
WHERE transaction_ts >= current_timestamp() - INTERVAL 6 HOURS
ORDER BY transaction_ts DESC
LIMIT 200
