SELECT TRANSFORM (customer_id, amount)
  USING 'cat' AS (customer_id STRING, amount STRING)
FROM main.sales.transactions
