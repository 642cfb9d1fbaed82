SELECT customer_id AS customer_id,
       max(running_total) AS `MAX(running_total)`
FROM
  (SELECT customer_id, transaction_date,
       sum(amount) OVER (PARTITION BY customer_id ORDER BY transaction_date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total,
       lag(amount, 1) OVER (PARTITION BY customer_id ORDER BY transaction_date) AS previous_amount
FROM main.sales.transactions
) AS virtual_table
WHERE transaction_date >= CAST('2026-01-01' AS DATE)
GROUP BY customer_id
ORDER BY `MAX(running_total)` DESC
LIMIT 100
