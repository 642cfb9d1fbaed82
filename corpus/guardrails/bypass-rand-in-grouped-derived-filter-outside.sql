-- An Aggregate with a non-deterministic expression keeps the filter above.
SELECT * FROM (SELECT transaction_date, sum(amount) * rand() AS noisy FROM main.sales.transactions GROUP BY transaction_date) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
