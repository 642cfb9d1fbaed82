-- channel is no dimension of the aggregate: not routed, the fact table is read:
-- 400 x 7,750,000,000 = 3,100,000,000,000 bytes > 200 GB
SELECT transaction_date, channel, sum(amount) AS revenue FROM main.sales.transactions
WHERE transaction_date BETWEEN DATE'2025-10-21' AND DATE'2026-11-24'
GROUP BY transaction_date, channel
