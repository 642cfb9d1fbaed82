WITH recent AS (SELECT * FROM sales.transactions)
SELECT region FROM recent WHERE 1 = 0
