-- 400 days of transactions (3.1 TB) are routed onto the aggregate; the final tree
-- reads main.sales.revenue_by_day_region, whose entry sizes it: 20,000,000 bytes
SELECT transaction_date, region, sum(amount) AS revenue FROM main.sales.transactions
WHERE transaction_date BETWEEN DATE'2025-10-21' AND DATE'2026-11-24'
GROUP BY transaction_date, region
