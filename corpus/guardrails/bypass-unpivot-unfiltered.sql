SELECT *
FROM main.sales.transactions
UNPIVOT (val FOR metric IN (amount, discount))
LIMIT 100
