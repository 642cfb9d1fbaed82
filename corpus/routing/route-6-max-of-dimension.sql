SELECT region, max(transaction_date) AS last_day, min(transaction_date) AS first_day
FROM main.sales.transactions
GROUP BY region
ORDER BY 1
