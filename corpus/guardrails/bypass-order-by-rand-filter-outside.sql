-- ORDER BY rand() is a non-deterministic Sort: no filter goes below it.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions ORDER BY rand()) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
