DESCRIBE TABLE sales.transactions
