SELECT region, amount
FROM main.sales.transactions
CLUSTER BY region
