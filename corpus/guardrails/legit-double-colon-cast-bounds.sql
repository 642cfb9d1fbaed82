SELECT channel, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= '2026-10-01'::date
  AND transaction_date < '2026-11-01'::date
GROUP BY channel
LIMIT 100
