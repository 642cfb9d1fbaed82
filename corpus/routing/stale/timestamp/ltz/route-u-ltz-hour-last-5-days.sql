-- The last 120 hours on the session's clock (01:00 on November 25 at
-- +13:00 when it is 12:00 UTC on November 24): from the hourly aggregate
-- up to its fresh_through, from the fact after it.
SELECT date_trunc('hour', transaction_ts) AS hour_start, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= current_timestamp() - INTERVAL 120 HOURS AND channel = 'web'
GROUP BY date_trunc('hour', transaction_ts)
