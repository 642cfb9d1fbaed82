-- A parameter marker's value is unknown: it is no bound on the window.
SELECT region, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= :start_date
GROUP BY region
LIMIT 100
