SELECT count(*) FROM sales.transactions WHERE transaction_date >= date_sub(current_date(), 30)
