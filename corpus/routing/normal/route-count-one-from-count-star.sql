SELECT trunc(transaction_date, 'MM') AS m, count(1) AS orders
FROM main.sales.transactions
GROUP BY trunc(transaction_date, 'MM')
ORDER BY 1
