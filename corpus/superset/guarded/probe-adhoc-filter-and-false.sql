SELECT *
FROM sales.transactions
WHERE (amount > 100 AND region IN ('EMEA', 'APAC')) AND false
