-- one day: 7,750,000,000 bytes
SELECT * FROM main.sales.transactions WHERE transaction_date = DATE'2026-11-01' LIMIT 10
