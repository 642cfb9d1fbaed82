SELECT category AS category,
       sum(revenue) AS `SUM(revenue)`,
       COUNT(DISTINCT customer_id) AS `COUNT_DISTINCT(customer_id)`
FROM
  (SELECT t.transaction_date, t.customer_id, p.category, p.subcategory, t.amount * t.quantity AS revenue
FROM main.sales.transactions AS t
LEFT JOIN main.sales.products AS p
  ON t.product_id = p.product_id
) AS virtual_table
WHERE transaction_date >= CAST('2026-07-01' AS DATE)
  AND transaction_date < CAST('2026-10-01' AS DATE)
  AND subcategory IS NOT NULL
GROUP BY category
ORDER BY `SUM(revenue)` DESC
LIMIT 10000
