SELECT category AS category,
       sum(amount) AS `SUM(amount)`
FROM (WITH enriched AS (
        SELECT t.*, p.category
        FROM sales.transactions t
        JOIN sales.products p ON p.product_id = t.product_id
      )
      SELECT * FROM enriched) AS virtual_table
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND transaction_date < CAST('2026-11-24' AS DATE)
GROUP BY category
LIMIT 10000
