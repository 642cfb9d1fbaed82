SELECT region FROM sales.transactions WHERE 1 = 1
