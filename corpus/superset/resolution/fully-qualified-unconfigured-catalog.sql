SELECT count(*) FROM hive_metastore.sales.transactions
