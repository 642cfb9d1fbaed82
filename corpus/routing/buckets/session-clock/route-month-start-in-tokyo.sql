-- request: {"now": "2026-11-30 23:00:00", "time_zone": "Asia/Tokyo"}
-- 23:00 UTC on November 30 is 08:00 on December 1 in Tokyo: Spark's
-- current_date() is December 1 there, so the month bound is December's.
SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= trunc(current_date(), 'MM')
GROUP BY 1
