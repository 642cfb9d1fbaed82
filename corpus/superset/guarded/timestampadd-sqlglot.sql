SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= DATEADD(MONTH, -3, CURRENT_DATE)
