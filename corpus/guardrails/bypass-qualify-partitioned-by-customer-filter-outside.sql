-- The window is partitioned by customer, not by the date: the outer date
-- filter is not pushed below it, so the whole fact is read.
SELECT * FROM (SELECT * FROM main.sales.transactions QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC) = 1) AS latest WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
