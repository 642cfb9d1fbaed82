-- GROUP BY ALL groups by the date: the filter outside goes below the
-- Aggregate.
SELECT * FROM (SELECT transaction_date, region, sum(amount) AS revenue FROM main.sales.transactions GROUP BY ALL) AS virtual_table WHERE transaction_date >= DATE '2026-11-01' LIMIT 1000
