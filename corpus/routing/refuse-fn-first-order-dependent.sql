SELECT region, first(channel) AS some_channel, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY region
