-- OVER () is one partition of everything: nothing passes below it.
SELECT * FROM (SELECT transaction_date, count(*) OVER () AS total FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
