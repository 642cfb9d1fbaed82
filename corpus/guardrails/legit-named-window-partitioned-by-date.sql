-- A named window partitioned by the date lets the outer filter through.
SELECT * FROM (SELECT transaction_date, sum(amount) OVER w AS day_total FROM main.sales.transactions WINDOW w AS (PARTITION BY transaction_date)) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
