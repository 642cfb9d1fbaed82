SELECT `order_day` AS `order_day`
FROM (
  SELECT transaction_date AS order_day, amount
  FROM sales.transactions
) AS virtual_table
WHERE FALSE
