SELECT count(*) FROM sales.transactions WHERE transaction_date >= date_sub(next_day(current_date(), 'MO'), 14)
