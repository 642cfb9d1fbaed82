SELECT transaction_date, channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE status IN ('paid') AND transaction_date >= DATE '2026-10-01'
GROUP BY transaction_date, channel
ORDER BY 1, 2
