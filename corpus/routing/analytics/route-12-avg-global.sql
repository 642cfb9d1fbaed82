SELECT avg(quantity) AS avg_quantity, avg(amount) AS avg_amount
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
