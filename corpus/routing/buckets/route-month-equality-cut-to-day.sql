SELECT date_trunc('month', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date = DATE '2026-10-01'
GROUP BY date_trunc('month', transaction_date)
