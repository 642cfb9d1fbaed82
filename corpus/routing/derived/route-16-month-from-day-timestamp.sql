SELECT month(transaction_ts) AS m, year(transaction_ts) AS y, region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
