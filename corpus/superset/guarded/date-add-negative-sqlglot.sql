SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= DATEADD(DAY, -30, CURRENT_DATE)
