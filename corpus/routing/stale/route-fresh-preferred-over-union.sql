-- request: {"fresh_through": {"main.sales.revenue_by_day_region": "2026-11-30"}}
-- The monthly aggregate (2,000 rows) answers only with a union over the
-- fact from November 1; the daily one (400,000 rows) holds every day the
-- query reads: an answer without a union wins over fewer rows.
SELECT region, max(amount) AS largest, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= '2026-06-01' AND transaction_date < '2026-12-01'
GROUP BY region
