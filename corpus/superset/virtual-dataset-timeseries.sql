SELECT date_trunc('month', order_day) AS order_day,
       sum(orders) AS `SUM(orders)`
FROM
  (SELECT transaction_date AS order_day, count(*) AS orders
FROM main.sales.transactions
GROUP BY transaction_date
) AS virtual_table
WHERE order_day >= CAST('2026-01-01' AS DATE)
  AND order_day < CAST('2026-12-01' AS DATE)
GROUP BY date_trunc('month', order_day)
ORDER BY `SUM(orders)` DESC
LIMIT 10000
