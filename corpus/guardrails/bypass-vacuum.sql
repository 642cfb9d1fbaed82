VACUUM sales.transactions
