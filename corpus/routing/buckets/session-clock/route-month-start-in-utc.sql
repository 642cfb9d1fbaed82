-- request: {"now": "2026-11-30 23:00:00", "time_zone": "UTC"}
-- The same query in UTC: still November 30, so November's month.
SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= trunc(current_date(), 'MM')
GROUP BY 1
