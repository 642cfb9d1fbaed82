SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= DATE_ADD(NEXT_DAY(CURRENT_DATE, 'MO'), 14 * -1)
