-- Half a second past midnight of November 1 reaches into a day the aggregate does not hold yet.
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00.5'
GROUP BY region
