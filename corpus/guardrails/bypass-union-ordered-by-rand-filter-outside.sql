-- ORDER BY rand() on the UNION ALL is a non-deterministic Sort above it:
-- the filter from outside reaches neither branch.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions UNION ALL SELECT transaction_date, amount FROM main.sales.transactions ORDER BY rand()) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
