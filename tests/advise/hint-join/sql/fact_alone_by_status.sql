SELECT t.status, SUM(t.amount) AS revenue
FROM main.sales.transactions AS t
WHERE t.transaction_date >= DATE '2026-01-01' AND t.transaction_date < DATE '2026-02-01'
GROUP BY t.status
