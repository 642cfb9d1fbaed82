SELECT transaction_date, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date IN (DATE '2026-11-27', DATE '2026-11-28', DATE '2026-11-30')
GROUP BY transaction_date
LIMIT 10
