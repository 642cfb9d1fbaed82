-- The UNION's columns are the first branch's, by position; the second
-- branch's * puts an unknown column where the date is: not bounded.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions UNION ALL SELECT * FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
