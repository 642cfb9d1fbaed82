-- GROUP BY ALL names its keys only by the select list: not routed.
SELECT region, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' GROUP BY ALL LIMIT 100
