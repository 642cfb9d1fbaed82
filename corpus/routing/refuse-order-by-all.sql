-- ORDER BY ALL names no column sluice maps: not routed (conservative).
SELECT region, SUM(amount) AS revenue FROM main.sales.transactions WHERE transaction_date >= '2026-11-01' GROUP BY region ORDER BY ALL LIMIT 100
