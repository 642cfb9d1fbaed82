SELECT date_trunc('day', transaction_ts) AS d, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY 1
ORDER BY 1
