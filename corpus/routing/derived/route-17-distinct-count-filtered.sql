SELECT transaction_date AS day, region, count(DISTINCT customer_id) AS customers, count(*) AS orders
FROM main.sales.transactions
WHERE region = 'north' AND transaction_date >= DATE '2026-10-01'
GROUP BY 1, 2
ORDER BY 1, 2
