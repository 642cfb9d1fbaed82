SELECT customer_id AS customer_id,
       count(*) AS `count`
FROM (SELECT customer_id, transaction_date, amount
      FROM sales.transactions
      WHERE amount > 0) AS virtual_table
WHERE transaction_date >= CAST('2026-11-01' AS DATE)
GROUP BY customer_id
LIMIT 10000
