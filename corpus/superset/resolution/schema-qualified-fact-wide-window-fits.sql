SELECT count(*) FROM sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 200 DAYS
