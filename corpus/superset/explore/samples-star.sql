SELECT * FROM sales.transactions LIMIT 1000
