SELECT transaction_date AS `day`, channel, sum(amount) AS revenue, max(amount) AS largest
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2026-11-10' AND '2026-11-23' AND channel IN ('web', 'app')
GROUP BY transaction_date, channel
ORDER BY 1, 2
