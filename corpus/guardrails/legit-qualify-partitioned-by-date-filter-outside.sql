-- The QUALIFY window is partitioned by the date: Spark pushes the outer
-- date filter below the Window.
SELECT * FROM (SELECT * FROM main.sales.transactions QUALIFY row_number() OVER (PARTITION BY transaction_date, customer_id ORDER BY amount DESC) = 1) AS latest WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
