MERGE INTO sales.products AS tgt
USING sales.products_staging AS src
ON tgt.product_id = src.product_id
WHEN MATCHED THEN UPDATE SET list_price = src.list_price
WHEN NOT MATCHED THEN INSERT (product_id, list_price) VALUES (src.product_id, src.list_price)
