SELECT hour(transaction_ts) AS hr, count(*) AS orders
FROM sales.transactions
WHERE transaction_date = CAST('2026-11-23' AS DATE)
GROUP BY hour(transaction_ts)
ORDER BY hr
LIMIT 24
