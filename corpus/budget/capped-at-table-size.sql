-- 2025-06-01 .. 2026-11-23 (no upper bound: up to today) is 541 days:
-- 541 x 7,750,000,000 = 4,192,750,000,000 > the table's 3,400,000,000,000 bytes: the whole table
SELECT * FROM main.sales.transactions WHERE transaction_date >= '2025-06-01'
