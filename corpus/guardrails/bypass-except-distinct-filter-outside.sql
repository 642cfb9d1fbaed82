-- EXCEPT DISTINCT, spelled out.
SELECT * FROM (SELECT transaction_date, order_id FROM main.sales.transactions EXCEPT DISTINCT SELECT transaction_date, order_id FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
