SELECT t.channel, t.transaction_date, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
WHERE t.transaction_date >= DATE '2026-10-01'
GROUP BY t.channel, t.transaction_date
