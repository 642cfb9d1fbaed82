SELECT date_trunc('month', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE DATE '2026-01-01' <= transaction_date AND DATE '2026-11-01' > transaction_date
GROUP BY date_trunc('month', transaction_date)
