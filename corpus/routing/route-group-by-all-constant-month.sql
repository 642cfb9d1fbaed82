SELECT 4 AS quarter_no, date_trunc('month', transaction_date) AS month, sum(amount) AS revenue
FROM main.sales.transactions
WHERE date_trunc('month', transaction_date) < '2026-11-01'
GROUP BY ALL
