SELECT region, count(*) AS orders
FROM main.sales.transactions
WHERE transaction_date BETWEEN '2026-10-01' AND '2026-10-31 23:59:59.999999'
GROUP BY region
