-- A window in ORDER BY of the derived table is a Window below the outer
-- filter too.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions ORDER BY rank() OVER (PARTITION BY region ORDER BY amount)) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
