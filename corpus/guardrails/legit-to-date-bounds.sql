SELECT region, avg(amount) AS avg_ticket
FROM sales.transactions
WHERE transaction_date >= to_date('2026-06-01')
  AND transaction_date < to_date('2026-09-01')
GROUP BY region
LIMIT 100
