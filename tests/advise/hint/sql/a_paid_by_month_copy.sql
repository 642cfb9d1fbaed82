SELECT date_trunc('month', transaction_date) AS month, SUM(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-01-01' AND transaction_date < DATE '2026-07-01'
  AND status = 'paid'
GROUP BY date_trunc('month', transaction_date)
