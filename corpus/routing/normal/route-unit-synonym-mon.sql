SELECT date_trunc('Mon', transaction_date) AS m, region, count(*) AS orders
FROM main.sales.transactions
GROUP BY 1, 2
ORDER BY 1, 2
