SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= TRUNC(CURRENT_DATE, 'MM')
