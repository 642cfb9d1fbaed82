SELECT * FROM sales.transactions LIMIT 50000
