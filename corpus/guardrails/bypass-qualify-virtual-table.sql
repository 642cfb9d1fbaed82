-- Superset's virtual_table around a QUALIFY: the dashboard's time filter
-- stays above the Window.
SELECT region, sum(amount) AS revenue FROM (SELECT * FROM main.sales.transactions QUALIFY rank() OVER (PARTITION BY region ORDER BY amount DESC) <= 3) AS virtual_table WHERE transaction_date >= DATE '2026-11-01' GROUP BY region LIMIT 1000
