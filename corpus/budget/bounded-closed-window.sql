-- [2026-01-01, 2026-01-11) is 10 days: 10 x 7,750,000,000 = 77,500,000,000 bytes
SELECT count(*) FROM main.sales.transactions
WHERE transaction_date >= '2026-01-01' AND transaction_date < '2026-01-11'
