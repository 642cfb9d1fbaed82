-- OVER (w) takes its PARTITION BY from the named window w: the date.
SELECT * FROM (SELECT transaction_date, sum(amount) OVER (w) AS day_total FROM main.sales.transactions WINDOW w AS (PARTITION BY transaction_date, region)) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
