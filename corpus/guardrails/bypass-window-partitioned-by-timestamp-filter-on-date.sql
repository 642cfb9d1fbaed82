-- The window is partitioned by transaction_ts, the filter is on
-- transaction_date: not a PARTITION BY column, so not pushed.
SELECT * FROM (SELECT transaction_date, transaction_ts, row_number() OVER (PARTITION BY transaction_ts ORDER BY amount) AS rn FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
