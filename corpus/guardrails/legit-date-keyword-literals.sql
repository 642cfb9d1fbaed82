SELECT channel, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= DATE '2026-07-01'
  AND transaction_date < DATE '2026-10-01'
GROUP BY channel
LIMIT 100
