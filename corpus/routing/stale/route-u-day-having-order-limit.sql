SELECT region, count(*) AS orders, min(amount) AS smallest, max(amount) AS largest
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-16' AND region IS NOT NULL
GROUP BY region
HAVING count(*) > 3
ORDER BY orders DESC, region
LIMIT 2
