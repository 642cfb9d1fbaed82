SELECT region, sum(amount) AS revenue
FROM (SELECT * FROM sales.transactions LIMIT 100000) AS virtual_table
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-11-24' AS DATE)
GROUP BY region
LIMIT 10000
