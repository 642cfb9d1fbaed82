SELECT sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_ts >= current_timestamp() - INTERVAL '500 00:00:00' DAY TO SECOND
