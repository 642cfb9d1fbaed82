-- A marker elsewhere in the query does not matter to the window.
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01' AND region = :region
GROUP BY region
LIMIT 100
