SET spark.sql.shuffle.partitions = 1
