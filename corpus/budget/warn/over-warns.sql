-- 20 days: 155,000,000,000 bytes > 100 GB: a warning, the query runs
SELECT * FROM main.sales.transactions WHERE transaction_date >= current_date() - INTERVAL 20 DAYS
