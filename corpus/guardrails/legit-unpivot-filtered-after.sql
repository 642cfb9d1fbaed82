SELECT *
FROM main.sales.transactions
UNPIVOT (val FOR metric IN (amount, discount))
WHERE transaction_date >= DATE '2026-11-01'
LIMIT 100
