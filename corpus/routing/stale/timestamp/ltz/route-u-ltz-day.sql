-- transaction_ts is a TIMESTAMP (TIMESTAMP_LTZ): the aggregate was cut
-- into days at +13:00, the session's zone, so the union splits at
-- midnight of November 22 on that clock.
SELECT date_trunc('day', transaction_ts) AS `day`, status, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-11-18 00:00:00'
GROUP BY date_trunc('day', transaction_ts), status
