SELECT p.category AS category,
       sum(t.amount) AS `SUM(amount)`
FROM sales.transactions AS t
JOIN sales.products AS p ON p.product_id = t.product_id
WHERE t.transaction_date >= CAST('2026-10-01' AS DATE)
  AND t.transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY p.category
ORDER BY `SUM(amount)` DESC
LIMIT 10000
