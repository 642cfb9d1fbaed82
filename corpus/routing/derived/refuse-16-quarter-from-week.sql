SELECT quarter(transaction_date) AS q, region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2025-12-29'
GROUP BY 1, 2
