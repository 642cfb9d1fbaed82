-- The join as a Superset virtual dataset: Superset wraps the dataset's SQL
-- in a derived table and groups outside it.  A join inside a derived
-- table is not routed: the block that joins does not aggregate, and the
-- block that aggregates reads a derived table (condition 1).
SELECT date_trunc('day', transaction_date) AS transaction_date,
       category AS category,
       sum(amount) AS `SUM(amount)`
FROM (SELECT t.transaction_date, t.amount, p.category
      FROM main.sales.transactions t
      JOIN main.sales.products p ON t.product_id = p.product_id) AS virtual_table
WHERE transaction_date >= CAST('2026-10-01' AS DATE)
  AND transaction_date < CAST('2026-11-01' AS DATE)
GROUP BY date_trunc('day', transaction_date), category
LIMIT 10000
