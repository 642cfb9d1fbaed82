SELECT year(transaction_date) AS y, quarter(transaction_date) AS q, status, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
