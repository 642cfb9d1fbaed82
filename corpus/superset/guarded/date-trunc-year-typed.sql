SELECT count(*) FROM sales.transactions WHERE transaction_date >= date_trunc('year', current_date())
