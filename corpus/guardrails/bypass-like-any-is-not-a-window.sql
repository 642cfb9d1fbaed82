-- A pattern match on the partition column's text is no window.
SELECT count(*) AS n
FROM main.sales.transactions
WHERE CAST(transaction_date AS STRING) LIKE ANY ('2026-11-%', '2026-10-%')
