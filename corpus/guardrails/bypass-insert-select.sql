INSERT INTO sales.transactions_backup
SELECT * FROM sales.transactions WHERE transaction_date >= DATE '2026-11-01'
