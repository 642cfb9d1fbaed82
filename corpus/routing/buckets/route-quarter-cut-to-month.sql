SELECT date_trunc('quarter', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-02-01' AND transaction_date < DATE '2026-07-01'
GROUP BY date_trunc('quarter', transaction_date)
