SELECT amount > 100 IN (true) AS big
FROM main.sales.transactions
