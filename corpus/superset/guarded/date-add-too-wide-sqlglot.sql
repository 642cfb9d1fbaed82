SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= DATEADD(YEAR, -2, CURRENT_DATE)
