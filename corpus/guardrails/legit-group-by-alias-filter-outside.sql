-- GROUP BY the select alias of the date: the date is the grouping key,
-- and Superset's time filter outside goes below the Aggregate (was
-- falsely rejected).
SELECT day, revenue FROM (SELECT transaction_date AS day, sum(amount) AS revenue FROM main.sales.transactions GROUP BY day) AS virtual_table WHERE day >= DATE '2026-11-01' LIMIT 1000
