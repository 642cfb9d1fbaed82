SELECT *
FROM main.sales.transactions
WHERE region = 'Zürich'
