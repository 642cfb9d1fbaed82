SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE dayofweek(transaction_ts) IN (1, 7)
GROUP BY region
ORDER BY 1
