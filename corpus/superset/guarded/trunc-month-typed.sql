SELECT count(*) FROM sales.transactions WHERE transaction_date >= trunc(current_date(), 'MM')
