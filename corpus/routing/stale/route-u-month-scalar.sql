SELECT max(amount) AS largest, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= '2026-06-01' AND transaction_date < '2026-12-01'
