SELECT date_trunc('quarter', date_trunc('month', transaction_date)) AS q, sum(amount) AS revenue
FROM main.sales.transactions
WHERE date_trunc('month', transaction_date) < TIMESTAMP '2026-10-01 00:00:00'
GROUP BY date_trunc('quarter', date_trunc('month', transaction_date))
