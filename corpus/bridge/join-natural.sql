SELECT *
FROM main.sales.transactions
NATURAL JOIN main.sales.products
