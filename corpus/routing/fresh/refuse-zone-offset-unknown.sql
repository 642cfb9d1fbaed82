-- A zone's offset from the session's time zone is unknown to sluice: no bound.
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date < '2026-10-31T00:00:00Z'
GROUP BY region
