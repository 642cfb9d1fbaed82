-- request: {"now": "2026-12-01 03:00:00", "time_zone": "-05:00"}
-- 03:00 UTC on December 1 is 22:00 on November 30 at -05:00: November.
SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= trunc(current_date(), 'MM')
GROUP BY 1
