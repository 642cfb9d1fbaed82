-- A UNION ALL whose second branch has rand(): the filter reaches the first
-- branch only.
SELECT * FROM (SELECT transaction_date, amount FROM main.sales.transactions UNION ALL SELECT transaction_date, amount * rand() FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
