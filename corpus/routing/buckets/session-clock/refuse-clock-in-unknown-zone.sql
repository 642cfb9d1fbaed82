-- request: {"now": "2026-11-30 23:00:00", "time_zone": "Mars/Olympus_Mons"}
-- A zone whose offset sluice does not know: current_date() is not known
-- either, and a bound relative to it is not translated into a value.
SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= trunc(current_date(), 'MM')
GROUP BY 1
