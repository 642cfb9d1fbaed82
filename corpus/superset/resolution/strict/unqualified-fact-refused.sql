SELECT count(*) FROM transactions WHERE transaction_date >= current_date() - 7
