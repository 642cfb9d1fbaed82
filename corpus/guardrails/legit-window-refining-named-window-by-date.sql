-- OVER (w ORDER BY ...) takes its PARTITION BY from w: the date.
SELECT * FROM (SELECT transaction_date, sum(amount) OVER (w ORDER BY transaction_ts) AS running FROM main.sales.transactions WINDOW w AS (PARTITION BY transaction_date, region)) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
