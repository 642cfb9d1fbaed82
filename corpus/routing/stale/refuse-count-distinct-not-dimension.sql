SELECT region, count(DISTINCT customer_id) AS customers
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-15'
GROUP BY region
