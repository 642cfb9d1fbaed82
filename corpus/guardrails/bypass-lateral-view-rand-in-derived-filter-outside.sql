-- The same Generate inside a derived table stops the filter from outside.
SELECT * FROM (SELECT transaction_date, v FROM main.sales.transactions LATERAL VIEW explode(array(rand(), rand())) g AS v) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
