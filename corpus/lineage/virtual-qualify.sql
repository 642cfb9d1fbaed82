SELECT customer_id, amount
FROM (SELECT customer_id, amount, order_date FROM sales.orders
      QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY order_date DESC) = 1) AS virtual_table
