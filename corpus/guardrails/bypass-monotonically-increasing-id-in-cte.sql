-- monotonically_increasing_id() in a CTE: the filter on the reference
-- does not reach the scan.
WITH numbered AS (SELECT monotonically_increasing_id() AS row_id, * FROM main.sales.transactions)
SELECT * FROM numbered WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
