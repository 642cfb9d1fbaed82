SELECT channel, sum(amount) AS revenue
FROM sales.transactions
WHERE transaction_date NOT IN (DATE '2026-11-22', DATE '2026-11-23')
GROUP BY channel
LIMIT 100
