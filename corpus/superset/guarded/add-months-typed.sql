SELECT count(*) FROM sales.transactions WHERE transaction_date >= add_months(current_date(), -6)
