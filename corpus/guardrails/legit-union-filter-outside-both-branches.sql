-- UNION (distinct) passes the filter to every branch.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions UNION SELECT transaction_date, amount FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
