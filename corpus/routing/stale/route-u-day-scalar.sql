SELECT sum(amount) AS revenue, count(*) AS orders, count(amount) AS priced, min(amount) AS smallest
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
