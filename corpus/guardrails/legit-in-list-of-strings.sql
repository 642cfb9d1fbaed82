SELECT transaction_date, count(*) AS orders
FROM sales.transactions
WHERE transaction_date IN ('2026-01-01', '2026-07-04', '2026-11-01')
GROUP BY transaction_date
LIMIT 10
