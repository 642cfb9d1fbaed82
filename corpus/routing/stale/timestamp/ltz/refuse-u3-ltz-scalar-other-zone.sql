-- request: {"time_zone": "UTC"}
-- No time dimension read, but the split is still a midnight at +13:00.
SELECT count(*) AS orders
FROM main.sales.transactions
WHERE transaction_ts >= TIMESTAMP '2026-11-01 00:00:00'
