-- first() is non-deterministic in Spark: an Aggregate selecting it keeps
-- the filter from outside above it.
SELECT * FROM (SELECT transaction_date, first(amount) AS first_amount FROM main.sales.transactions GROUP BY transaction_date) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
