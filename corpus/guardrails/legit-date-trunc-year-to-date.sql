SELECT region, sum(amount) AS ytd_revenue
FROM sales.transactions
WHERE transaction_date >= date_trunc('year', current_date())
GROUP BY region
LIMIT 100
