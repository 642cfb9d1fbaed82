SELECT order_month AS order_month,
       sum(amount_usd) AS `SUM(amount_usd)`
FROM
  (SELECT date_format(transaction_date, 'yyyy-MM') AS order_month,
       amount::DECIMAL(18,2) AS amount_usd,
       quantity::INT AS qty
FROM main.sales.transactions
) AS virtual_table
GROUP BY order_month
ORDER BY order_month ASC
LIMIT 10000
