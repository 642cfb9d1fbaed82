-- A * hides which select items GROUP BY ALL groups by: not routed.
SELECT *, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' GROUP BY ALL LIMIT 100
