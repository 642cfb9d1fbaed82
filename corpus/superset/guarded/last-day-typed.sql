SELECT count(*) FROM sales.transactions WHERE transaction_date > last_day(add_months(current_date(), -2))
