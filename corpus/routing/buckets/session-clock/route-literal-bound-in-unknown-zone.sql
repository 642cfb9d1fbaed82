-- request: {"now": "2026-11-30 23:00:00", "time_zone": "Mars/Olympus_Mons"}
-- Literal bounds need no clock: routed in any zone.
SELECT date_trunc('month', transaction_date) AS m, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-06-01' AND transaction_date < DATE '2026-09-01'
GROUP BY 1
