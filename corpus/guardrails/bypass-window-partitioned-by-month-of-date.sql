-- PARTITION BY an expression of the date is not the date: a filter on the
-- date refers to no partition column of the Window.
SELECT * FROM (SELECT transaction_date, sum(amount) OVER (PARTITION BY date_trunc('month', transaction_date)) AS month_total FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
