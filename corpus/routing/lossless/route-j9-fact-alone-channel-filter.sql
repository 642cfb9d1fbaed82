SELECT channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE channel IN ('web', 'app') AND transaction_date >= DATE '2026-06-01'
GROUP BY channel
