-- A value extracted from a JSON column is not the partition column.
SELECT count(*) AS n FROM main.sales.transactions
WHERE payload:transaction_date >= '2026-11-01'
