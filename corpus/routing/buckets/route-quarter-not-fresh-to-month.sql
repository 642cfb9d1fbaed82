SELECT date_trunc('quarter', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date < DATE '2027-01-01'
GROUP BY date_trunc('quarter', transaction_date)
