SELECT region FROM main.sales.transactions
UNION
SELECT region_code FROM main.ref.regions
UNION ALL
SELECT 'UNKNOWN'
