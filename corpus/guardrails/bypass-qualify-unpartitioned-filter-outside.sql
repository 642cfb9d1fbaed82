-- A filter outside a QUALIFY over an unpartitioned window stays above the
-- Window (Spark pushes through a Window only on its PARTITION BY columns).
SELECT * FROM (SELECT * FROM main.sales.transactions QUALIFY row_number() OVER (ORDER BY amount DESC) <= 10) AS top WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
