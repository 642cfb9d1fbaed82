SELECT channel, count(*) AS orders
FROM sales.transactions
WHERE transaction_date <> DATE '2026-11-23'
GROUP BY channel
LIMIT 100
