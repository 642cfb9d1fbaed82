SELECT date_trunc('month', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date <= TIMESTAMP '2026-10-31 00:00:00'
GROUP BY date_trunc('month', transaction_date)
