SELECT dayofweek(transaction_date) AS dow, status, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
