SELECT segment AS segment,
       sum(lifetime_value) AS `SUM(lifetime_value)`
FROM
  (WITH spend AS (
  SELECT customer_id, sum(amount) AS lifetime_value, min(transaction_date) AS first_order
  FROM main.sales.transactions
  GROUP BY customer_id
),
recent AS (
  SELECT * FROM spend WHERE first_order >= '2025-01-01'
)
SELECT c.segment, c.country, r.lifetime_value, r.first_order
FROM recent r
JOIN main.sales.customers c ON c.customer_id = r.customer_id
) AS virtual_table
WHERE first_order >= CAST('2026-01-01' AS DATE)
GROUP BY segment
ORDER BY `SUM(lifetime_value)` DESC
LIMIT 10000
