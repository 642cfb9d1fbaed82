SELECT date_trunc('month', transaction_date) AS m, count(*) AS orders, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY 1
ORDER BY 1
