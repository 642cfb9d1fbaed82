-- Sampling the rows of a filtered subquery with rand(): the filter is
-- below, on the scan.
SELECT * FROM (SELECT * FROM main.sales.transactions WHERE transaction_date >= DATE '2026-11-01') AS s WHERE rand() < 0.01 LIMIT 100
