-- The renamed column is transaction_date - 40 days: sluice reads no bound
-- from arithmetic on the column.
WITH d (day, real_day) AS (SELECT transaction_date - INTERVAL 40 DAYS, transaction_date FROM main.sales.transactions)
SELECT count(*) AS n FROM d WHERE day >= DATE '2026-11-01' LIMIT 100
