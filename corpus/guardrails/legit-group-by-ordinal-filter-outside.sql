-- GROUP BY 1 groups by the date: the filter outside goes below the
-- Aggregate (was falsely rejected).
SELECT * FROM (SELECT transaction_date, sum(amount) AS revenue FROM main.sales.transactions GROUP BY 1) AS virtual_table WHERE transaction_date >= DATE '2026-11-01' LIMIT 1000
