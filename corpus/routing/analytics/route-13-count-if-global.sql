SELECT count_if(region IS NULL) AS unknown_region
FROM main.sales.transactions
WHERE transaction_date >= DATE '2026-11-01'
