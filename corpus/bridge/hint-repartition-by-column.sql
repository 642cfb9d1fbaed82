SELECT /*+ REPARTITION(16, region), COALESCE(4) */ *
FROM main.sales.transactions
