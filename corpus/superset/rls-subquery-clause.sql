SELECT product_id AS product_id,
       sum(`quantity`) AS `SUM(quantity)`
FROM main.sales.transactions
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
  AND (customer_id IN (SELECT customer_id FROM main.sales.customers WHERE segment = 'SMB'))
GROUP BY product_id
ORDER BY `SUM(quantity)` DESC
LIMIT 10000
