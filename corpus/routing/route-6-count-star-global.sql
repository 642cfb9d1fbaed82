SELECT count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-20' AND region = 'nowhere'
