SELECT count(*) FROM main.sales.transactions WHERE transaction_date >= current_date() - 7
