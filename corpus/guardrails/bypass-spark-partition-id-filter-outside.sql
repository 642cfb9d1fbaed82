-- spark_partition_id() is non-deterministic.
SELECT * FROM (SELECT spark_partition_id() AS part, transaction_date FROM main.sales.transactions) AS d WHERE transaction_date >= DATE '2026-11-01' LIMIT 100
