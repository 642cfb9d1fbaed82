SELECT date_trunc('month', transaction_date) AS month, sum(amount) AS revenue
FROM main.sales.transactions
WHERE date_trunc('month', transaction_date) >= '2026-01-01'
  AND TIMESTAMP '2026-11-01 00:00:00' > date_trunc('month', transaction_date)
GROUP BY date_trunc('month', transaction_date)
