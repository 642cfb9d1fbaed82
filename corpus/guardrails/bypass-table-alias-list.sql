-- FROM table AS t (a, b, ...) renames the table's columns, which sluice
-- cannot see: no filter is known to name the partition column.
SELECT count(*) AS n FROM main.sales.transactions AS t (transaction_date, order_id) WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
