SELECT region, percentile(amount, 0.5) AS median_amount
FROM main.sales.transactions
GROUP BY region
