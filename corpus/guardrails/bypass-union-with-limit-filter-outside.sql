-- A LIMIT on the set operation stops the filter from reaching any branch.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions UNION ALL SELECT transaction_date, amount FROM main.sales.transactions LIMIT 5000) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
