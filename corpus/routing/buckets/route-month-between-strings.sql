SELECT date_trunc('month', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2026-01-01' AND '2026-10-31'
GROUP BY date_trunc('month', transaction_date)
