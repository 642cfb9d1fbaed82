SELECT count(*) FROM sales.transactions WHERE transaction_date >= timestampadd(MONTH, -3, current_date())
