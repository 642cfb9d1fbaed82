SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= to_date(region)
GROUP BY region
