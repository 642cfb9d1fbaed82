SELECT * FROM sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 7 DAYS
LIMIT 1000
