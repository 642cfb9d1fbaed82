SELECT DISTINCT *
FROM main.sales.transactions
