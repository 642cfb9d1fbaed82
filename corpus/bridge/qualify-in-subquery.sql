SELECT region, count(*) AS latest_buyers
FROM (
  SELECT region, customer_id, transaction_ts
  FROM main.sales.transactions
  QUALIFY row_number() OVER (PARTITION BY region, customer_id ORDER BY transaction_ts DESC) = 1
) latest
GROUP BY region
