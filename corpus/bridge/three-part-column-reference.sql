SELECT main.sales.transactions.amount, sales.transactions.region
FROM main.sales.transactions
