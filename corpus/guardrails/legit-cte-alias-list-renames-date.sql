-- WITH d (day, ...) renames the date by position; a bound on day reaches
-- the scan (was falsely rejected).
WITH d (day, amount_usd) AS (SELECT transaction_date, amount FROM main.sales.transactions)
SELECT day, sum(amount_usd) AS revenue FROM d WHERE day >= DATE '2026-11-01' GROUP BY day LIMIT 100
