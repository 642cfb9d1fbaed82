SELECT sales.transactions.region, count(*) AS orders
FROM sales.transactions
WHERE sales.transactions.transaction_date >= DATE '2026-11-01'
GROUP BY sales.transactions.region
LIMIT 100
