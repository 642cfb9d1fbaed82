SELECT DISTINCT region, rand() > 0.5 AS coin
FROM main.sales.transactions
