-- The alias list gives the date the name real_day; the bound on real_day
-- is the bound on the fact's date (was falsely rejected).
WITH d (transaction_date, real_day) AS (SELECT ship_date, transaction_date FROM main.sales.transactions)
SELECT count(*) AS n FROM d WHERE real_day >= DATE '2026-11-01' LIMIT 100
