-- An older version of the fact aggregates to other numbers than the aggregate table holds now: not routed.
SELECT region, SUM(amount) AS revenue FROM main.sales.transactions VERSION AS OF 12 WHERE transaction_date >= '2026-11-01' GROUP BY region LIMIT 100
