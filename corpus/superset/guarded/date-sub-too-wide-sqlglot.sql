SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= DATE_ADD(CURRENT_DATE, 500 * -1)
