-- BETWEEN is inclusive: 2025-10-21 .. 2026-11-24 is 400 days
-- 400 x 7,750,000,000 = 3,100,000,000,000 bytes (3.1 TB) > 200 GB
SELECT * FROM main.sales.transactions
WHERE transaction_date BETWEEN DATE'2025-10-21' AND DATE'2026-11-24'
