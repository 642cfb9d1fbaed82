-- uuid() is non-deterministic: the outer filter stays above the Project.
SELECT * FROM (SELECT uuid() AS id, transaction_date, amount FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
