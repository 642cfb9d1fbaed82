-- request: {"user": "alice", "groups": ["eu_sales"]}
SELECT count(*) FROM Parquet.`s3://bucket/sales/transactions/`
