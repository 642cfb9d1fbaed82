SELECT dayofweek(transaction_ts) AS dow, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY 1
ORDER BY 1
