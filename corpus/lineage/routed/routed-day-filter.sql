SELECT transaction_date, sum(amount) AS `SUM(amount)`
FROM sales.transactions
WHERE transaction_date >= DATE '2026-11-01' AND transaction_date < DATE '2026-11-08' AND region = 'north'
GROUP BY transaction_date
