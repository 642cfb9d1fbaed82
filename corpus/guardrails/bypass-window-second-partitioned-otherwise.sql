-- Two windows: one partitioned by the date, one by region. The filter
-- must pass both Window operators; it passes only the first.
SELECT * FROM (SELECT transaction_date, sum(amount) OVER (PARTITION BY transaction_date) AS day_total, row_number() OVER (PARTITION BY region ORDER BY amount) AS rn FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
