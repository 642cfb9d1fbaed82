-- QUALIFY inside a CTE, date filter on the CTE reference: the window
-- (partitioned by customer) stops the filter.
WITH latest AS (SELECT * FROM main.sales.transactions QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY transaction_ts DESC) = 1)
SELECT customer_id, amount FROM latest WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
