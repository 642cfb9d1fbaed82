-- UNPIVOT's name column transaction_date holds 'amount' or 'discount'.
SELECT *
FROM (SELECT amount, discount FROM main.sales.transactions)
UNPIVOT (val FOR transaction_date IN (amount, discount))
WHERE transaction_date >= '2026-11-01'
LIMIT 100
