SELECT region AS region,
       sum(amount) / nullif(sum(quantity), 0) AS `Avg unit price`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-04-01' AS DATE)
  AND transaction_date < CAST('2026-07-01' AS DATE)
GROUP BY region
ORDER BY `Avg unit price` DESC
LIMIT 10000
