-- A named window (OVER w) is followed to its WINDOW definition:
-- partitioned by region, it stops the date filter.
SELECT * FROM (SELECT transaction_date, sum(amount) OVER w AS running FROM main.sales.transactions WINDOW w AS (PARTITION BY region ORDER BY transaction_ts)) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
