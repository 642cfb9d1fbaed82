SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= DATE_TRUNC('YEAR', CURRENT_DATE)
