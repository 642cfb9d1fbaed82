SELECT product_id AS product_id,
       sum(`quantity`) AS `SUM(quantity)`
FROM main.sales.transactions
WHERE amount >= 10
  AND amount < 500
  AND quantity > 0
  AND discount <= 0.25
GROUP BY product_id
ORDER BY `SUM(quantity)` DESC
LIMIT 10000
