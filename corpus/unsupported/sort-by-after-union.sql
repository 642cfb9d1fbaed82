SELECT region, amount
FROM main.sales.transactions
UNION ALL
SELECT region, amount FROM main.sales.returns
SORT BY amount
