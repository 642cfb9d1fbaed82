SELECT date_trunc('week', transaction_date) AS __timestamp, sum(amount) AS revenue, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-10-04' AND transaction_date < DATE '2026-11-02'
GROUP BY date_trunc('week', transaction_date)
