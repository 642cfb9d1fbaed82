SELECT sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_ts >= current_timestamp() - INTERVAL '10 12:30:00' DAY TO SECOND
