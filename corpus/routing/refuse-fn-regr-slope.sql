SELECT region, regr_slope(amount, customer_id) AS slope
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY region
