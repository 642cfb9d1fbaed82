SELECT *
FROM main.sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 30 DAYS
  AND transaction_ts < current_timestamp() - INTERVAL 1 HOUR
