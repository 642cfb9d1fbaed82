-- The derived table with rand() has its own date filter.
SELECT * FROM (SELECT *, rand() AS r FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') AS d WHERE r < 0.5 LIMIT 100
