SELECT DISTINCT date_trunc('month', transaction_date)
FROM main.sales.transactions
