-- (A UNION ALL B) EXCEPT C: the filter reaches A and B, not C.
SELECT * FROM (SELECT transaction_date, order_id FROM main.sales.transactions UNION ALL SELECT transaction_date, order_id FROM main.sales.transactions EXCEPT SELECT transaction_date, order_id FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
