SELECT amount * quantity AS `expr`
FROM sales.transactions
WHERE 1 = 0
