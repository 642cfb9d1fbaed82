-- GROUP BY ALL groups by the select items without an aggregate: region here.
SELECT region, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' GROUP BY ALL LIMIT 100
