SELECT channel, avg(weight) AS avg_weight
FROM main.sales.transactions
GROUP BY channel
