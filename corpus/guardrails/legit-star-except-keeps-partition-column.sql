SELECT * FROM (SELECT * EXCEPT (discount) FROM main.sales.transactions) s
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
