-- A window call inside an expression of the select list is a Window all
-- the same.
SELECT * FROM (SELECT transaction_date, amount - avg(amount) OVER (PARTITION BY region) AS diff FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
