-- The subquery leaves transaction_date out and names another column so:
-- the filter outside bounds that column, not the scan inside.
SELECT * FROM (SELECT * EXCEPT (transaction_date), shipped_date AS transaction_date
               FROM main.sales.transactions) s
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
