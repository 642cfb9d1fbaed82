SELECT t.channel, sum(t.amount) AS revenue
FROM main.sales.transactions AS t
GROUP BY t.channel
