SELECT /*+ REPARTITION(8) */ region, amount
FROM main.sales.transactions
