SELECT region, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date >= to_date('01/10/2026', 'dd/MM/yyyy')
  AND transaction_date < to_date('01/11/2026', 'dd/MM/yyyy')
GROUP BY region
LIMIT 100
