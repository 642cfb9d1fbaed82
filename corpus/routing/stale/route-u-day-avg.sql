SELECT channel, avg(quantity) AS avg_units, avg(weight) AS avg_weight
FROM main.sales.transactions
WHERE transaction_date > DATE '2026-11-15'
GROUP BY channel
