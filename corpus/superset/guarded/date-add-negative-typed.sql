SELECT count(*) FROM sales.transactions WHERE transaction_date >= date_add(current_date(), -30)
