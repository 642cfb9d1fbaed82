WITH sample_rows AS (
  SELECT * FROM sales.transactions LIMIT 5000
)
SELECT region, count(*) AS orders
FROM sample_rows
WHERE transaction_date >= DATE '2026-11-01'
GROUP BY region
LIMIT 100
