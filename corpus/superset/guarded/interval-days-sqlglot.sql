SELECT COUNT(*) FROM sales.transactions WHERE transaction_date >= CURRENT_DATE - INTERVAL '30' DAYS
