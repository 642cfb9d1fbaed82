SELECT count(*) FROM sales.transactions
