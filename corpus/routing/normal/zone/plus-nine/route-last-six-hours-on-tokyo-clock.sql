-- Now is 12:00 UTC, 21:00 at +09:00: a TIMESTAMP column is compared on
-- the session's wall clock, so the last six hours are 15:00 to 21:00.
SELECT date_trunc('hour', transaction_ts) AS h, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= current_timestamp() - INTERVAL 6 HOURS
  AND transaction_ts < date_trunc('hour', current_timestamp())
GROUP BY 1
