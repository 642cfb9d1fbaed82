SELECT * FROM sales.transactions
WHERE transaction_date >= DATE'2020-01-01'
LIMIT 1000
