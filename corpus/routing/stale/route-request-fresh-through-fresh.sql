-- request: {"fresh_through": {"MAIN.SALES.REVENUE_BY_DAY_REGION": "2026-11-23"}}
-- The refresh job says the aggregate now holds every day through November 23: no union.
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-10' AND transaction_date < DATE '2026-11-24'
GROUP BY region
