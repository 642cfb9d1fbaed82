SELECT order_id, amount
FROM sales.transactions
WHERE transaction_date IN (SELECT holiday_date FROM sales.holidays)
LIMIT 1000
