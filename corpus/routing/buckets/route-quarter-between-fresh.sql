SELECT date_trunc('quarter', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2025-10-01' AND '2026-09-30'
GROUP BY date_trunc('quarter', transaction_date)
