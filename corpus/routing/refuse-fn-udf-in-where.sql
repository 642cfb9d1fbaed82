SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01' AND is_business_day(transaction_date)
GROUP BY region
