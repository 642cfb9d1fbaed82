-- A sample aggregates to other numbers than the aggregate table: not routed.
SELECT region, SUM(amount) AS revenue FROM main.sales.transactions TABLESAMPLE (10 PERCENT) WHERE transaction_date >= '2026-11-01' GROUP BY region LIMIT 100
