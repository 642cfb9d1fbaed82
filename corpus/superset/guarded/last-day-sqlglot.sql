SELECT COUNT(*) FROM sales.transactions WHERE transaction_date > LAST_DAY(ADD_MONTHS(CURRENT_DATE, -2))
