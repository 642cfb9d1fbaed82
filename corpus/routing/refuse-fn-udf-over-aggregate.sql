-- A UDF is not in Spark's registry: it may aggregate, generate rows or be non-deterministic.
SELECT region, to_eur(sum(amount)) AS revenue
FROM main.sales.transactions
WHERE transaction_date >= '2026-11-01'
GROUP BY region
