SELECT region, count_if(amount > 100) AS big_orders
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY region
