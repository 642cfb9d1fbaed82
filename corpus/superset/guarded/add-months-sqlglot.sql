SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= ADD_MONTHS(CURRENT_DATE, -6)
