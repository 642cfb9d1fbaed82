SELECT * FROM main.sales.transactions WHERE transaction_date >
