SELECT amount::int AS amount_int, CAST(order_date AS STRING) AS d FROM sales.orders
