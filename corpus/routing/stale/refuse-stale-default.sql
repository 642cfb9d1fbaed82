-- status_by_day has no "stale" key: the default refuses, as before.
SELECT status, sum(amount) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= current_date() - INTERVAL 7 DAYS
GROUP BY status
