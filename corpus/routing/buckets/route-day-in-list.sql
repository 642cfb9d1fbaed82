SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date IN (DATE '2026-10-05', '2026-10-07', CAST('2026-10-09' AS DATE))
GROUP BY region
