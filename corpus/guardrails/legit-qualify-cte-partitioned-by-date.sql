-- A CTE with QUALIFY over windows partitioned by the date: the filter on
-- the reference reaches the scan.
WITH firsts AS (SELECT * FROM main.sales.transactions QUALIFY row_number() OVER (PARTITION BY transaction_date ORDER BY transaction_ts) = 1)
SELECT * FROM firsts WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
