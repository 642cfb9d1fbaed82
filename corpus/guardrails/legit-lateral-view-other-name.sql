-- A LATERAL VIEW column with another name leaves transaction_date the
-- fact's.
SELECT transaction_date, tag FROM main.sales.transactions LATERAL VIEW explode(array('a', 'b')) x AS tag WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
