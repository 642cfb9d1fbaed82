SELECT DISTINCT region FROM sales.transactions
