-- sluice: allow aggregate-routing
SELECT status, sum(amount) AS revenue
FROM main.sales.transactions
GROUP BY status
