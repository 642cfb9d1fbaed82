SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY GROUPING SETS ((region, transaction_ts), ())
