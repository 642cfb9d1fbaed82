-- 20 days: [2026-11-04, 2026-11-24) x 7.75 GB = 155,000,000,000 bytes, within 200 GB
SELECT region, sum(amount) FROM main.sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 20 DAYS GROUP BY region
